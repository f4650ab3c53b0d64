package dev.practicetracker.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import dev.practicetracker.local.Route;

/**
 * Renders each overlay with {@code kubectl kustomize}, loads every object with the fabric8
 * Kubernetes model (an unknown field anywhere fails the test), and checks what production relies
 * on: probes, limits and a locked-down security context on every Deployment, a Service, a
 * PodDisruptionBudget and an autoscaler for each, every topic of EVENTS.md, every route with a
 * backend, and network policies that admit only the ingress to the services and only the services
 * to the database.
 */
class ManifestsTest {

    static final List<String> SERVICES = List.of("skills-service", "practice-log-service", "evidence-service", "progress-service");
    static final Set<String> TOPICS = Set.of("skill-events", "practice-log-events", "evidence-events", "user-events", "progress-events",
            "skill-events.dlq", "practice-log-events.dlq", "user-events.dlq");
    /** What the local stack's entry point routes, each prefix to the service that owns it. */
    static final Map<String, String> ROUTES = Arrays.stream(Route.values())
            .collect(Collectors.toMap(route -> route.prefix, route -> route.service.module));
    static final Path K8S = Paths.get("").toAbsolutePath();

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @TempDir
    static Path copy;

    /** The overlays, copied with a freshly generated JWT public key where the local overlay expects its developer's. */
    @BeforeAll
    static void copyOverlays() throws IOException, NoSuchAlgorithmException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(path -> !path.startsWith(K8S.resolve("target")) && !path.startsWith(K8S.resolve("src")))
                    .sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(K8S.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(copy.resolve("overlays/local/jwt-public.pem"), pem);
    }

    /**
     * The JVM's heap, class metadata and thread stacks are set, not left to whatever the image's
     * launcher computes from the limit, and they fit in it with room for the rest the process holds:
     * at the bench's peaks (a rebuild, imports) ~170 MB beyond the heap (class metadata, code, direct
     * buffers, malloc), measured with these flags.
     */
    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void everyServiceSetsItsHeapToFitItsMemoryLimit(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Map<String, Map<String, String>> configs = ofKind(objects, ConfigMap.class).stream()
                .collect(Collectors.toMap(config -> config.getMetadata().getName(), ConfigMap::getData));
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String name = deployment.getMetadata().getName();
                // from the container's ConfigMaps, a later one winning, as the kubelet reads them
                String options = container.getEnvFrom().stream().filter(source -> source.getConfigMapRef() != null)
                        .map(source -> configs.getOrDefault(source.getConfigMapRef().getName(), Map.of()).get("JAVA_TOOL_OPTIONS"))
                        .filter(value -> value != null).reduce((earlier, later) -> later).orElse("");
                long heap = mebibytes(options, "-Xmx"), metadata = mebibytes(options, "-XX:MaxMetaspaceSize=");
                assertThat(heap).as(name + ": -Xmx in JAVA_TOOL_OPTIONS '" + options + "'").isPositive();
                assertThat(metadata).as(name + ": -XX:MaxMetaspaceSize in '" + options + "'").isPositive();
                assertThat(options).as(name).contains("-Xss");
                long limit = container.getResources().getLimits().get("memory").getNumericalAmount().longValue() >> 20;
                assertThat(heap + 170).as(name + ": heap and the rest at peak against the limit, MiB").isLessThanOrEqualTo(limit);
            }
        }
    }

    /** The size after {@code flag} in {@code options}, in MiB ({@code m} or {@code g}), or 0 when it is not there. */
    private static long mebibytes(String options, String flag) {
        for (String option : options.split("\\s+")) {
            if (option.startsWith(flag)) {
                String size = option.substring(flag.length()).toLowerCase();
                long number = Long.parseLong(size.substring(0, size.length() - 1));
                return size.endsWith("g") ? number << 10 : size.endsWith("m") ? number : 0;
            }
        }
        return 0;
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void everyDeploymentHasProbesLimitsAndANonRootReadOnlyContainer(String overlay) throws Exception {
        List<Deployment> deployments = ofKind(render(overlay), Deployment.class);

        assertThat(deployments).extracting(deployment -> deployment.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Deployment deployment : deployments) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("runAsNonRoot").isTrue();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/part-of", "practice-tracker");
            for (Container container : pod.getContainers()) {
                String name = deployment.getMetadata().getName();
                assertThat(container.getStartupProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/started");
                assertThat(container.getLivenessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/live");
                assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/ready");
                assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).contains("ALL");
                assertThat(container.getEnvFrom()).as(name).anySatisfy(source -> assertThat(source.getConfigMapRef().getName())
                        .isEqualTo(name + "-config"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void everyServiceHasItsServiceBudgetAutoscalerConfigAndSecret(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);

        assertThat(names(objects, Service.class)).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(names(objects, PodDisruptionBudget.class)).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(ofKind(objects, HorizontalPodAutoscaler.class)).allSatisfy(autoscaler -> {
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(autoscaler.getMetadata().getName());
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThan(autoscaler.getSpec().getMinReplicas());
        }).extracting(autoscaler -> autoscaler.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (String service : SERVICES) {
            assertThat(objects).as(service + " config and secret").anyMatch(object -> object.getKind().equals("ConfigMap")
                    && object.getMetadata().getName().equals(service + "-config"))
                    .anyMatch(object -> object.getKind().equals("Secret") && object.getMetadata().getName().startsWith(service + "-secrets"));
        }
        assertThat(ofKind(objects, ConfigMap.class)).as("every service sends its traces to the collector")
                .filteredOn(config -> config.getMetadata().getName().endsWith("-service-config")).hasSize(SERVICES.size())
                .allSatisfy(config -> assertThat(config.getData()).containsKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void everyTopicOfTheEventContractExists(String overlay) throws Exception {
        List<GenericKubernetesResource> topics = render(overlay).stream().filter(object -> object.getKind().equals("KafkaTopic"))
                .map(GenericKubernetesResource.class::cast).toList();

        assertThat(topics).extracting(topic -> topic.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(TOPICS);
        int replicas = overlay.equals("production") ? 3 : 1;
        int inSync = overlay.equals("production") ? 2 : 1;
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
            assertThat(((Number) topic.get("spec", "replicas")).intValue()).isEqualTo(replicas);
            assertThat(((Number) topic.get("spec", "config", "min.insync.replicas")).intValue()).isEqualTo(inSync);
            assertThat(((Number) topic.get("spec", "config", "retention.ms")).longValue()).isPositive();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void theIngressRoutesEveryPrefixAsTheLocalEntryPointDoes(String overlay) throws Exception {
        List<HasMetadata> objects = render(overlay);
        Set<String> services = Set.copyOf(names(objects, Service.class));
        Map<String, String> routes = ofKind(objects, Ingress.class).stream()
                .flatMap(ingress -> ingress.getSpec().getRules().stream())
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .collect(Collectors.toMap(path -> path.getPath(), path -> path.getBackend().getService().getName()));

        assertThat(routes).isEqualTo(ROUTES);
        assertThat(services).containsAll(routes.values());
    }

    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void onlyTheIngressReachesTheServicesAndOnlyTheServicesReachTheDatabase(String overlay) throws Exception {
        List<NetworkPolicy> policies = ofKind(render(overlay), NetworkPolicy.class);

        assertThat(policies).anySatisfy(deny -> {
            assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        });
        NetworkPolicy database = policies.stream()
                .filter(policy -> "practice-tracker-db".equals(policy.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster")))
                .findFirst().orElseThrow();
        assertThat(database.getSpec().getIngress()).filteredOn(rule -> rule.getPorts() != null
                && rule.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() == 5432))
                .singleElement().satisfies(rule -> assertThat(rule.getFrom()).singleElement()
                        .satisfies(peer -> assertThat(peer.getPodSelector().getMatchLabels())
                                .isEqualTo(Map.of("app.kubernetes.io/part-of", "practice-tracker"))));
        NetworkPolicy fromIngress = policies.stream().filter(policy -> policy.getMetadata().getName().equals("services-from-ingress"))
                .findFirst().orElseThrow();
        assertThat(fromIngress.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getFrom())
                .allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).isNotNull()));
    }

    /**
     * A 2xx promises the write is on disk: no overlay turns off what makes commits durable, and
     * production waits for a replica to have each commit as well, so a failover loses none.
     */
    @ParameterizedTest
    @ValueSource(strings = { "local", "production" })
    void theDatabaseAcknowledgesOnlyDurableCommits(String overlay) throws Exception {
        List<GenericKubernetesResource> clusters = render(overlay).stream().filter(object -> object.getKind().equals("Cluster"))
                .map(GenericKubernetesResource.class::cast).toList();
        assertThat(clusters).hasSize(1);
        GenericKubernetesResource cluster = clusters.get(0);

        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) cluster.get("spec", "postgresql", "parameters");
        assertThat(parameters).doesNotContainKeys("fsync", "full_page_writes")
                .extractingByKey("synchronous_commit").isIn(null, "on", "remote_apply");
        if (overlay.equals("production")) {
            assertThat(((Number) cluster.get("spec", "instances")).intValue()).isGreaterThanOrEqualTo(3);
            assertThat(((Number) cluster.get("spec", "postgresql", "synchronous", "number")).intValue()).isGreaterThanOrEqualTo(1);
            assertThat((String) cluster.get("spec", "postgresql", "synchronous", "dataDurability")).isEqualTo("required");
        }
    }

    /** Renders an overlay and loads every object, failing on a field the Kubernetes model does not know. */
    static List<HasMetadata> render(String overlay) throws IOException, InterruptedException {
        Process kustomize = new ProcessBuilder("kubectl", "kustomize", copy.resolve("overlays").resolve(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] yaml = kustomize.getInputStream().readAllBytes();
        assertThat(kustomize.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kustomize.exitValue()).as("kubectl kustomize " + overlay).isZero();
        Object loaded = SERIALIZATION.unmarshal(new ByteArrayInputStream(yaml));
        List<HasMetadata> objects = new ArrayList<>();
        for (Object object : loaded instanceof Collection<?> many ? many : List.of(loaded)) {
            HasMetadata resource = (HasMetadata) object;
            assertNoUnknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName());
            objects.add(resource);
        }
        return objects;
    }

    /** The model keeps what it does not know in additionalProperties; anything there is a typo or a wrong level. */
    static void assertNoUnknownFields(Object object, String where) {
        if (object == null || object instanceof GenericKubernetesResource || !object.getClass().getName().startsWith("io.fabric8")) {
            if (object instanceof Collection<?> items) {
                items.forEach(item -> assertNoUnknownFields(item, where));
            } else if (object instanceof Map<?, ?> map) {
                map.values().forEach(value -> assertNoUnknownFields(value, where));
            }
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                assertThat((Map<?, ?>) value).as("unknown fields in " + where + " at " + object.getClass().getSimpleName()).isNullOrEmpty();
            } else if (value instanceof KubernetesResource || value instanceof Collection<?> || value instanceof Map<?, ?>) {
                assertNoUnknownFields(value, where);
            }
        }
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static List<String> names(List<HasMetadata> objects, Class<? extends HasMetadata> kind) {
        return ofKind(objects, kind).stream().map(object -> object.getMetadata().getName()).toList();
    }
}
