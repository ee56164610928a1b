package dev.lovedcrm.crm.it.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module has a {@code package-info.java}; internal packages say that they are not
 * supported and may change, so nobody mistakes them for API.
 */
class PackageDocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyPackageIsDocumentedAndInternalOnesSaySo() throws IOException {
        Set<Path> packages = packagesWithCode();
        assertThat(packages).as("packages found under %s", ROOT).hasSizeGreaterThan(30);
        List<String> problems = new ArrayList<>();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info)) {
                problems.add(ROOT.relativize(dir) + " has no package-info.java");
            } else if (ROOT.relativize(dir).toString().contains("/internal")
                    && !Files.readString(info).contains("Internal: not supported for application use")) {
                problems.add(ROOT.relativize(info) + " does not say that it is internal and unsupported");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Set<Path> packagesWithCode() throws IOException {
        Set<Path> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .forEach(f -> packages.add(f.getParent()));
        }
        return packages;
    }
}
