package dev.practicetracker.evidence.mapping;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.practicetracker.events.EvidenceData;
import dev.practicetracker.evidence.service.EvidenceRules;
import dev.practicetracker.platform.problem.ProblemException;
import dev.practicetracker.platform.problem.Violation;
import dev.practicetracker.platform.problem.Violations;

/** A screenshot's metadata — never its bytes. */
public record ScreenshotFileFields(
        @Schema(required = true, maxLength = EvidenceRules.MAX_FILENAME_LENGTH, description = "a plain file name, no path") String filename,
        @Schema(required = true, minimum = "1", maximum = "" + EvidenceRules.MAX_SIZE_BYTES) Long sizeBytes,
        @Schema(required = true, pattern = "^" + EvidenceRules.IMAGE_TYPE_PATTERN + "$", examples = "image/png") String contentType,
        @Schema(required = true, format = "uri", maxLength = EvidenceRules.MAX_URL_LENGTH, description = "where the image is stored (https)") String storageUrl,
        @Schema(description = "not in the future") Instant uploadedAt) {

    /**
     * Reads {@code file} strictly: any member besides the metadata (say {@code data} or
     * {@code content}) is refused rather than ignored, so a client learns the file itself is not taken.
     */
    public static ScreenshotFileFields read(ObjectMapper mapper, JsonNode file) {
        if (file == null || file.isNull()) {
            return null;
        }
        try {
            return mapper.readerFor(ScreenshotFileFields.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file);
        } catch (UnrecognizedPropertyException unknown) {
            throw ProblemException.invalid("file." + unknown.getPropertyName(), "is not accepted here");
        } catch (IOException unreadable) {
            Violation violation = unreadable instanceof JsonProcessingException json
                    ? Violations.of(json) : new Violation("file", "must be an object");
            throw ProblemException.invalid(List.of(new Violation("file." + violation.field(), violation.message())));
        }
    }

    public EvidenceData.ScreenshotFile toData() {
        return new EvidenceData.ScreenshotFile(filename, sizeBytes, contentType, storageUrl, uploadedAt);
    }

    public static ScreenshotFileFields of(EvidenceData.ScreenshotFile file) {
        return file == null ? null
                : new ScreenshotFileFields(file.filename(), file.sizeBytes(), file.contentType(), file.storageUrl(), file.uploadedAt());
    }
}
