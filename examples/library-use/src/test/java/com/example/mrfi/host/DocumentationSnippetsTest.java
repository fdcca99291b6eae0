package com.example.mrfi.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.testkit.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentationSnippetsTest {

    @Test
    void everyJavaSnippetInTheReadmeAndTheDocsQuotesCompiledSource() throws IOException {
        Path root = ProjectFiles.root();
        List<Path> markdown = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(markdown::add);
        }
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Path file : markdown) {
            problems.addAll(DocumentationSnippets.problems(root, file));
            blocks += (int) Files.readAllLines(file).stream().filter(l -> l.strip().equals("```java")).count();
        }
        assertThat(blocks).as("java blocks in the README").isGreaterThanOrEqualTo(3);
        assertThat(problems).isEmpty();
    }

    @Test
    void aSnippetThatDriftsFromItsSourceOrQuotesNothingIsReported(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("A.java"), "class A {\n    void f() {\n        // snippet:body\n"
                + "        int x = 1;\n        // end snippet\n    }\n}\n");
        Path markdown = root.resolve("doc.md");
        Files.writeString(markdown, "<!-- snippet: A.java#body -->\n```java\nint x = 1;\n```\n");
        assertThat(DocumentationSnippets.problems(root, markdown)).isEmpty();

        Files.writeString(markdown, "<!-- snippet: A.java#body -->\n```java\nint x = 2;\n```\n\n"
                + "```java\nnew Unquoted();\n```\n<!-- snippet: A.java#gone -->\n```java\n```\n");
        assertThat(DocumentationSnippets.problems(root, markdown)).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("doc.md:2: differs from A.java#body").endsWith("int x = 1;"))
                .anySatisfy(p -> assertThat(p).startsWith("doc.md:6: java block without"))
                .anySatisfy(p -> assertThat(p).isEqualTo("doc.md:10: A.java has no region 'gone'"));
    }
}
