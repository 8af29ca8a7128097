package io.mmg.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mmg.gateway.support.GatewayApiTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PackageScanResourceResolver;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Route files are found in the packaged jar's own classes; the library jars nested in it are not read. */
class ApplicationOnlyResourceScanningTest extends GatewayApiTest {

    @Autowired
    CamelContext camel;

    @Test
    void the_gateway_finds_its_routes_with_the_resolver_that_skips_library_jars() {
        assertThat(PluginHelper.getPackageScanResourceResolver(camel))
                .isInstanceOf(ApplicationOnlyResourceScanning.SkippingLibraryJars.class);
        assertThat(camel.getRoute("create-collection")).isNotNull();
    }

    @Test
    void in_a_packaged_jar_the_own_route_files_are_found_and_nested_library_jars_are_skipped() throws IOException {
        byte[] library = jar("routes/from-a-library.yaml");
        byte[] application = jar("BOOT-INF/classes/routes/payments.yaml", "BOOT-INF/classes/io/mmg/Gateway.class");
        byte[] packaged = jarWith(application, library);

        List<String> found = new ApplicationOnlyResourceScanning.SkippingLibraryJars()
                .doLoadImplementationsInJar("routes", new ByteArrayInputStream(packaged), "gateway.jar", null);

        assertThat(found).containsExactly("routes/payments.yaml");
    }

    /** A packaged jar: the application's entries, then the library as BOOT-INF/lib/library.jar. */
    private static byte[] jarWith(byte[] applicationJar, byte[] library) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes);
             var application = new JarInputStream(new ByteArrayInputStream(applicationJar))) {
            for (JarEntry entry; (entry = application.getNextJarEntry()) != null; ) {
                out.putNextEntry(new JarEntry(entry.getName()));
                application.transferTo(out);
            }
            out.putNextEntry(new JarEntry("BOOT-INF/lib/library.jar"));
            out.write(library);
        }
        return bytes.toByteArray();
    }

    private static byte[] jar(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (String name : names) {
                out.putNextEntry(new JarEntry(name));
                out.write("- route: {}".getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
