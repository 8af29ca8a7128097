package io.mmg.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The API contract: the hand-written OpenAPI document {@value #DOCUMENT} (docs/developing.md "Adding an endpoint to
 * the contract"), read once and served as JSON and YAML, and the HTML reference that shows it. Only {@code servers}
 * is filled in here: the configured public URL, or "/" (the host the document came from). Read with SnakeYAML, which
 * resolves the anchors and aliases the document shares lists and responses with (Jackson's YAML parser does not).
 */
@Component("apiContract")
public class ApiContract {

    static final String DOCUMENT = "openapi/gateway-api.yaml";
    static final String REFERENCE_PAGE = "openapi/reference.html";

    private final String json;
    private final String yaml;
    private final String html;

    public ApiContract(ObjectMapper json, @Value("${gateway.public-url:}") String publicUrl) {
        // Every string quoted (unquoted, a YAML reader takes 2026-03-01 for a date and true for a boolean), texts of
        // several lines as blocks, as in the source.
        ObjectMapper yamlMapper = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE));
        ObjectNode document = (ObjectNode) json.valueToTree(read(DOCUMENT));
        ObjectNode server = document.putArray("servers").addObject();
        server.put("url", publicUrl == null || publicUrl.isBlank() ? "/" : publicUrl.replaceAll("/+$", ""));
        server.put("description", "This gateway");
        try {
            this.json = json.writerWithDefaultPrettyPrinter().writeValueAsString(document);
            this.yaml = yamlMapper.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.html = text(REFERENCE_PAGE);
    }

    public String json() {
        return json;
    }

    public String yaml() {
        return yaml;
    }

    public String referencePage() {
        return html;
    }

    static Object read(String resource) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1000);
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new TextDates()).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the API contract " + resource, e);
        }
    }

    /** YAML's implicit types but dates: an example date stays the text it is in JSON, not a java.util.Date. */
    private static final class TextDates extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static String text(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
