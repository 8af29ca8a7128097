package io.mmg.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exchange properties the YAML routes read and set are the ones {@link ExchangeProperties} declares: a route
 * that uses another name is either a typo (reading nothing) or state nobody documented.
 */
class ExchangePropertiesTest {

    /** ${exchangeProperty.name...}, exchangeProperty[name], exchangePropertyAs(name, ...), exchangeProperty(name). */
    private static final Pattern READ = Pattern.compile(
            "exchangeProperty(?:\\.|\\[\\s*'?|As\\(\\s*'?|\\(\\s*'?)([A-Za-z_][A-Za-z0-9_]*)");
    /** setProperty / removeProperty, block form (name: on a following line) or inline ({name: x}). */
    private static final Pattern SET = Pattern.compile(
            "(?:setProperty|removeProperty):\\s*(?:\\{[^}]*?|(?:\\n\\s+(?!name:)[\\w-]+:[^\\n]*)*\\n\\s+)name:\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)");

    private static final List<Path> ROUTE_FOLDERS = List.of(Path.of("src/main/resources/routes"), Path.of("routes"));

    @Test
    void every_exchange_property_a_route_file_uses_is_declared() {
        Set<String> declared = declared();
        List<String> undeclared = new ArrayList<>();
        routeFiles().forEach(file -> names(read(file)).stream()
                .filter(name -> !declared.contains(name))
                .forEach(name -> undeclared.add(file + ": " + name)));

        assertThat(undeclared).as("exchange properties used by routes but not declared in ExchangeProperties")
                .isEmpty();
    }

    @Test
    void the_scan_finds_the_properties_the_payment_flow_passes() {
        Set<String> used = routeFiles().flatMap(file -> names(read(file)).stream()).collect(Collectors.toSet());

        assertThat(used).contains(ExchangeProperties.PAYMENT, ExchangeProperties.PROVIDER_CALL,
                ExchangeProperties.CALLBACK_TOKEN, ExchangeProperties.REQUEST, ExchangeProperties.ROUTE_KEY);
    }

    @Test
    void a_name_is_found_whether_the_route_reads_or_sets_it() {
        String route = """
                - setProperty:
                    name: setInBlock
                    simple: "${body}"
                - setProperty: {name: setInline, constant: x}
                - removeProperty:
                    name: removed
                - log: "${exchangeProperty.readInSimple.id} ${exchangePropertyAs(readAs, String)}"
                - filter:
                    simple: "${exchangeProperty[readInBrackets]} == 'x'"
                """;

        assertThat(names(route)).containsExactlyInAnyOrder(
                "setInBlock", "setInline", "removed", "readInSimple", "readAs", "readInBrackets");
    }

    static Set<String> names(String yaml) {
        Set<String> names = new TreeSet<>();
        for (Pattern pattern : List.of(READ, SET)) {
            Matcher matcher = pattern.matcher(yaml);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    private static Set<String> declared() {
        return Arrays.stream(ExchangeProperties.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ExchangePropertiesTest::value)
                .collect(Collectors.toSet());
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Path> routeFiles() {
        return ROUTE_FOLDERS.stream().filter(Files::isDirectory).flatMap(folder -> {
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(file -> file.toString().endsWith(".yaml")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
