package dev.practicetracker.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real Kafka broker (KRaft) for a service's {@code @QuarkusTest}s, with the contract's topics. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = EmbeddedKafkaBroker.start();
            broker.createContractTopics();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    public static EmbeddedKafkaBroker broker() {
        return broker;
    }

    @Override
    public void stop() {
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Kafka broker", e);
        }
    }
}
