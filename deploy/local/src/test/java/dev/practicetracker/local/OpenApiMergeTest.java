package dev.practicetracker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The merge of the documents the four services store at build time, and the conflicts it refuses. */
class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

    @Test
    void theMergedDocumentHasEveryPathTagAndSchemaOfEveryService() throws IOException {
        List<String> documents = storedDocuments();

        JsonNode merged = JSON.readTree(OpenApiMerge.merge(documents));

        Set<String> paths = new HashSet<>();
        Set<String> schemas = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (String text : documents) {
            JsonNode document = JSON.readTree(text);
            document.path("paths").fieldNames().forEachRemaining(paths::add);
            document.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
            document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        }
        assertThat(names(merged.path("paths"))).isEqualTo(paths);
        assertThat(names(merged.path("components").path("schemas"))).isEqualTo(schemas);
        List<String> mergedTags = new ArrayList<>();
        merged.path("tags").forEach(tag -> mergedTags.add(tag.path("name").asText()));
        assertThat(mergedTags).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(tags);
        assertThat(merged.path("info").path("title").asText()).isEqualTo(OpenApiMerge.TITLE);
        assertThat(merged.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(merged.path("servers")).isEqualTo(JSON.readTree(documents.get(0)).path("servers"));
    }

    @Test
    void twoServicesDeclaringOneSchemaNameDifferentlyDoNotMerge() throws IOException {
        List<String> documents = storedDocuments();
        ObjectNode changed = (ObjectNode) JSON.readTree(documents.get(1));
        ((ObjectNode) changed.path("components").path("schemas").path("Problem")).put("description", "another problem");

        assertThatThrownBy(() -> OpenApiMerge.merge(List.of(documents.get(0), changed.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schemas Problem");
    }

    @Test
    void aPathNoRouteServesDoesNotMerge() throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(storedDocuments().get(0));
        ((ObjectNode) document.path("paths")).putObject("/internal/things");

        assertThatThrownBy(() -> OpenApiMerge.merge(List.of(document.toString())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/internal/things");
    }

    @Test
    void theCommandWritesTheMergeOfItsInputs(@TempDir Path directory) throws IOException {
        Path out = directory.resolve("merged").resolve("openapi.json");
        List<String> arguments = new ArrayList<>(List.of(out.toString()));
        Arrays.stream(Service.values()).map(OpenApiMergeTest::storedDocument).map(Path::toString).forEach(arguments::add);

        OpenApiMerge.main(arguments.toArray(String[]::new));

        assertThat(JSON.readTree(Files.readString(out))).isEqualTo(JSON.readTree(OpenApiMerge.merge(storedDocuments())));
    }

    static List<String> storedDocuments() throws IOException {
        List<String> documents = new ArrayList<>();
        for (Service service : Service.values()) {
            documents.add(Files.readString(storedDocument(service)));
        }
        return documents;
    }

    private static Path storedDocument(Service service) {
        return ROOT.resolve(service.module).resolve("target").resolve("openapi").resolve("openapi.json");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
