package dev.practicetracker.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every response a service's {@code @QuarkusTest}s receive through RestAssured is checked against the
 * service's own OpenAPI document (from {@code /q/openapi}): a status, a media type or a body the
 * document does not describe fails the test, so the document cannot drift from the behaviour.
 * Requests are not checked (tests send invalid ones on purpose), nor paths outside the document
 * ({@code /q/health}, {@code /q/metrics}). Installed once per JVM, before the first test method.
 */
public class OpenApiResponseValidation implements QuarkusTestBeforeEachCallback {

    private static volatile boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (installed) {
            return;
        }
        synchronized (OpenApiResponseValidation.class) {
            if (!installed) {
                String document = RestAssured.given().baseUri(TestHTTPResourceManager.getUri()).accept("application/yaml").get("/q/openapi")
                        .asString();
                OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
                RestAssured.filters(new OpenApiValidationFilter(validator));
                installed = true;
            }
        }
    }
}
