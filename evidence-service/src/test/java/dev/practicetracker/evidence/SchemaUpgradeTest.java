package dev.practicetracker.evidence;

import dev.practicetracker.testing.JwtResource;
import dev.practicetracker.testing.KafkaResource;
import dev.practicetracker.testing.PreviousReleaseDatabase;
import dev.practicetracker.testing.SchemaUpgradeContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** evidence-service starts on a database its earlier scripts created, and upgrades it to the fresh schema. */
@QuarkusTest
@WithTestResource(PreviousReleaseDatabase.class)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(JwtResource.class)
class SchemaUpgradeTest extends SchemaUpgradeContract {
}
