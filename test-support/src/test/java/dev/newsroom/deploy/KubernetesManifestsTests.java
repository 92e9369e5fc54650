package dev.newsroom.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Kubernetes manifests as {@code kubectl kustomize deploy/kubernetes} renders them,
 * every object parsed strictly with the fabric8 Kubernetes model (a field the model does
 * not know fails), and checked for what a cluster needs of Newsroom: probes on the
 * actuator, resources, a disruption budget per workload, credentials from Secrets only,
 * and the view counter's stable identity, state volume and advertised host. Needs
 * {@code kubectl} on the {@code PATH}; {@code .ci/run} installs it.
 */
class KubernetesManifestsTests {

	private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Namespace", Namespace.class,
			"ConfigMap", ConfigMap.class, "Service", Service.class, "PersistentVolumeClaim",
			PersistentVolumeClaim.class, "Deployment", Deployment.class, "StatefulSet", StatefulSet.class,
			"PodDisruptionBudget", PodDisruptionBudget.class);

	private static String rendered;

	private static List<HasMetadata> objects;

	@BeforeAll
	static void render() throws Exception {
		assumeTrue(kubectlInstalled(), "kubectl is not installed (.ci/run installs Debian's kubernetes-client)");
		Process kubectl = new ProcessBuilder("kubectl", "kustomize", MANIFESTS.toString()).redirectErrorStream(false)
			.start();
		byte[] out = kubectl.getInputStream().readAllBytes();
		String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(kubectl.exitValue()).as("kubectl kustomize %s: %s", MANIFESTS, err).isZero();
		rendered = new String(out, StandardCharsets.UTF_8);
		objects = parse(rendered);
	}

	@Test
	void everyObjectIsOfAKnownKindAndParsesWithNoFieldTheModelDoesNotKnow() {
		assertThat(objects).extracting(HasMetadata::getKind)
			.contains("Deployment", "StatefulSet", "Service", "PodDisruptionBudget", "ConfigMap");
		assertThat(objects).allSatisfy((object) -> assertThat(object.getMetadata().getNamespace())
			.as("namespace of %s %s", object.getKind(), object.getMetadata().getName())
			.isIn("newsroom", null));
	}

	@Test
	void aMisspeltFieldFailsTheParse() {
		String misspelt = rendered.replaceFirst("containerPort:", "containerPorts:");
		assertThatIllegalArgumentException().isThrownBy(() -> parse(misspelt)).withMessageContaining("containerPorts");
	}

	@Test
	void theFiveServicesRunWithProbesOnTheActuatorResourcesAndADisruptionBudget() {
		Map<String, PodTemplateSpec> workloads = workloads();
		assertThat(workloads).containsOnlyKeys("publisher", "view-counter", "notifier", "feeds", "console");
		workloads.forEach((name, pod) -> {
			Container container = pod.getSpec().getContainers().get(0);
			assertThat(path(container.getLivenessProbe())).as("liveness probe of %s", name)
				.isEqualTo("/actuator/health/liveness");
			assertThat(path(container.getReadinessProbe())).as("readiness probe of %s", name)
				.isEqualTo("/actuator/health/readiness");
			assertThat(container.getResources().getRequests()).as("resource requests of %s", name)
				.containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).as("resource limits of %s", name).containsKey("memory");
			assertThat(of(PodDisruptionBudget.class)).as("a disruption budget selecting %s", name)
				.anySatisfy((budget) -> assertThat(pod.getMetadata().getLabels())
					.containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels()));
			assertThat(of(Service.class)).as("a Service for %s", name)
				.anySatisfy((service) -> assertThat(pod.getMetadata().getLabels())
					.containsAllEntriesOf(service.getSpec().getSelector()));
		});
	}

	@Test
	void credentialsComeFromSecretsAndAreNeverWrittenIntoTheManifests() {
		assertThat(of(Secret.class)).as("Secrets in the manifests").isEmpty();
		workloads().forEach((name, pod) -> {
			Container container = pod.getSpec().getContainers().get(0);
			for (EnvVar env : container.getEnv()) {
				if (env.getName().matches(".*(PASSWORD|SECRET|TOKEN|JAAS|USER_INFO).*")) {
					assertThat(env.getValue()).as("%s of %s, given inline", env.getName(), name).isNull();
				}
			}
			if (!name.equals("console")) {
				assertThat(container.getEnvFrom()).as("Secrets %s takes its environment from", name)
					.filteredOn((source) -> source.getSecretRef() != null)
					.extracting((source) -> source.getSecretRef().getName())
					.contains("newsroom-credentials");
			}
		});
		for (ConfigMap settings : of(ConfigMap.class)) {
			assertThat(settings.getData().keySet()).as("keys of ConfigMap %s", settings.getMetadata().getName())
				.noneMatch((key) -> key.matches(".*(PASSWORD|SECRET|TOKEN|JAAS|USER_INFO).*"));
		}
	}

	@Test
	void theConsoleReachesTheServicesByTheirServicesAndKeepsEachEditorOnTheInstanceHoldingTheirSession() {
		PodTemplateSpec console = workloads().get("console");
		Container container = console.getSpec().getContainers().get(0);
		assertThat(container.getEnvFrom()).as("the console's environment from Secrets")
			.noneMatch((source) -> source.getSecretRef() != null);
		Map<String, Integer> ports = new LinkedHashMap<>();
		of(Service.class).forEach(
				(service) -> ports.put(service.getMetadata().getName(), service.getSpec().getPorts().get(0).getPort()));
		for (String variable : List.of("NEWSROOM_PUBLISHER_URL", "NEWSROOM_VIEW_COUNTER_URL",
				"NEWSROOM_NOTIFIER_URL")) {
			URI url = URI.create(container.getEnv()
				.stream()
				.filter((env) -> env.getName().equals(variable))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the console has no " + variable))
				.getValue());
			assertThat(ports).as("the Service %s names", variable).containsEntry(url.getHost(), url.getPort());
		}
		Service service = of(Service.class).stream()
			.filter((candidate) -> candidate.getMetadata().getName().equals("console"))
			.findFirst()
			.orElseThrow();
		assertThat(service.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
		assertThat(service.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds())
			.as("affinity outlasts the 30-minute session")
			.isGreaterThanOrEqualTo(1800);
	}

	@Test
	void theViewCounterIsAStatefulSetWithAStableIdentityItsOwnStoreAndAnAddressOtherInstancesReach() {
		StatefulSet viewCounter = of(StatefulSet.class).stream()
			.filter((set) -> set.getMetadata().getName().equals("view-counter"))
			.findFirst()
			.orElseThrow();
		Service instances = of(Service.class).stream()
			.filter((service) -> service.getMetadata().getName().equals(viewCounter.getSpec().getServiceName()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Service named " + viewCounter.getSpec().getServiceName()));
		assertThat(instances.getSpec().getClusterIP()).as("the instances' Service is headless").isEqualTo("None");

		Container container = viewCounter.getSpec().getTemplate().getSpec().getContainers().get(0);
		Map<String, EnvVar> env = new LinkedHashMap<>();
		container.getEnv().forEach((variable) -> env.put(variable.getName(), variable));
		assertThat(env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
		assertThat(env.get("NEWSROOM_INSTANCE_ID").getValue()).as("static membership id").isEqualTo("$(POD_NAME)");
		assertThat(env.get("NEWSROOM_ADVERTISED_HOST").getValue()).as("application.server's host")
			.startsWith("$(POD_NAME)." + instances.getMetadata().getName() + ".");
		String stateDir = env.get("NEWSROOM_STATE_DIR").getValue();
		assertThat(viewCounter.getSpec().getVolumeClaimTemplates()).singleElement().satisfies((claim) -> {
			assertThat(container.getVolumeMounts())
				.anySatisfy((mount) -> assertThat(mount.getName()).isEqualTo(claim.getMetadata().getName()))
				.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo(stateDir));
		});
	}

	/**
	 * Parses every document as the model class of its kind, failing on any field the
	 * model does not have: fabric8's classes keep unknown fields aside
	 * ({@code additionalProperties}), which this mapper does not allow.
	 */
	private static List<HasMetadata> parse(String yaml) {
		ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
				@Override
				public Boolean hasAnySetter(Annotated annotated) {
					return Boolean.FALSE;
				}
			});
		List<HasMetadata> parsed = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
			if (document == null) {
				continue;
			}
			Object kind = ((Map<?, ?>) document).get("kind");
			Class<? extends HasMetadata> type = KINDS.get(String.valueOf(kind));
			assertThat(type).as("model class for kind %s", kind).isNotNull();
			parsed.add(mapper.convertValue(document, type));
		}
		return parsed;
	}

	private static Map<String, PodTemplateSpec> workloads() {
		Map<String, PodTemplateSpec> workloads = new LinkedHashMap<>();
		of(Deployment.class).forEach(
				(deployment) -> workloads.put(deployment.getMetadata().getName(), deployment.getSpec().getTemplate()));
		of(StatefulSet.class).forEach((set) -> workloads.put(set.getMetadata().getName(), set.getSpec().getTemplate()));
		return workloads;
	}

	private static <T extends HasMetadata> List<T> of(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static String path(Probe probe) {
		return (probe != null && probe.getHttpGet() != null) ? probe.getHttpGet().getPath() : null;
	}

	private static boolean kubectlInstalled() throws IOException {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(java.io.File.pathSeparator))
			.anyMatch((folder) -> Files.isExecutable(Path.of(folder, "kubectl")));
	}

}
