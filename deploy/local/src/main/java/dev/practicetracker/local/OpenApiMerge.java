package dev.practicetracker.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document of the whole API, as one origin serves it: every service's paths, tags and
 * components in one document. The services' documents share their conventions (the platform's
 * shared configuration and filter), so what two of them both declare — the Problem schema, the bearer
 * scheme, the Operations tag — is the same and appears once. Anything else they both declare under one
 * name, and any path outside the entry point's {@link Route}s, is an error: the merged document
 * would be wrong, so there is none.
 *
 * <p>{@code java OpenApiMerge OUT IN...} writes the merge of the documents {@code IN} (JSON, in
 * service order) to {@code OUT}; the generated client's build uses it on the documents the services
 * store at build time.
 */
public final class OpenApiMerge {

    static final String TITLE = "Practice Tracker API";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApiMerge() {
    }

    public static void main(String[] arguments) throws IOException {
        if (arguments.length < 2) {
            System.err.println("usage: OpenApiMerge OUT IN...");
            System.exit(2);
        }
        List<String> documents = Arrays.stream(arguments).skip(1).map(file -> {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file, e);
            }
        }).toList();
        Path out = Path.of(arguments[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, merge(documents));
    }

    /** The merged document, JSON. */
    public static String merge(List<String> documents) throws IOException {
        ObjectNode merged = null;
        for (String text : documents) {
            ObjectNode document = (ObjectNode) JSON.readTree(text);
            if (merged == null) {
                merged = document.deepCopy();
                merged.putObject("paths");
                merged.putArray("tags");
                merged.putObject("components");
                ((ObjectNode) merged.get("info")).put("title", TITLE);
            }
            mergeInto(merged, document);
        }
        if (merged == null) {
            throw new IllegalArgumentException("no document to merge");
        }
        return JSON.writeValueAsString(merged);
    }

    private static void mergeInto(ObjectNode merged, ObjectNode document) {
        String source = document.path("info").path("title").asText("a document");
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths").fields())) {
            if (Route.of(path.getKey()).isEmpty()) {
                throw new IllegalArgumentException(source + " has " + path.getKey() + ", which no route of the entry point serves");
            }
            putOnce((ObjectNode) merged.get("paths"), path.getKey(), path.getValue(), source, "path");
        }
        ArrayNode tags = (ArrayNode) merged.get("tags");
        for (JsonNode tag : document.path("tags")) {
            JsonNode same = null;
            for (JsonNode existing : tags) {
                if (existing.path("name").equals(tag.path("name"))) {
                    same = existing;
                }
            }
            if (same == null) {
                tags.add(tag);
            } else if (!same.equals(tag)) {
                throw new IllegalArgumentException(source + " describes tag " + tag.path("name") + " differently");
            }
        }
        for (Map.Entry<String, JsonNode> kind : iterable(document.path("components").fields())) {
            ObjectNode into = ((ObjectNode) merged.get("components")).withObjectProperty(kind.getKey());
            for (Map.Entry<String, JsonNode> component : iterable(kind.getValue().fields())) {
                putOnce(into, component.getKey(), component.getValue(), source, kind.getKey());
            }
        }
    }

    private static void putOnce(ObjectNode into, String name, JsonNode value, String source, String what) {
        JsonNode existing = into.get(name);
        if (existing == null) {
            into.set(name, value);
        } else if (!existing.equals(value)) {
            throw new IllegalArgumentException(source + " declares " + what + " " + name + " differently from another service");
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
