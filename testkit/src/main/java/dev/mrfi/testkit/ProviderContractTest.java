package dev.mrfi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rules every plugin provider follows, whoever wrote it. A plugin's test class extends the kind's
 * subclass ({@link QuantizationContractTest}, ...) and supplies the provider and sample configurations.
 *
 * @param <P> the provider interface of the plugin's kind
 */
public abstract class ProviderContractTest<P extends PluginProvider> {

    /**
     * Returns the provider under test.
     *
     * @return a new provider instance
     */
    protected abstract P provider();

    /**
     * Returns the SPI interface the provider is registered under.
     *
     * @return for example {@code QuantizationProvider.class}
     */
    protected abstract Class<P> providerType();

    /**
     * Returns raw configurations, as a YAML document would hold them, that must validate. At least one.
     *
     * @return sample parameter maps (without {@code method})
     */
    protected abstract List<Map<String, Object>> validConfigs();

    /**
     * Creates the plugin's operator.
     *
     * @param provider the provider
     * @param config   validated parameters
     * @return the operator
     */
    protected abstract Object createOperator(P provider, PluginConfig config);

    /**
     * Runs the operator once on fixed data with randomness from {@code seed} and returns a value that
     * {@link Object#equals} compares (for example a {@code List<Float>}).
     *
     * @param operator the operator
     * @param seed     the seed for any random draws
     * @return the result
     */
    protected abstract Object runOnce(Object operator, long seed);

    @Test
    final void nameIsAnIdentifier() {
        P provider = provider();
        assertThat(provider.name()).matches("[A-Za-z][A-Za-z0-9_]*");
        for (String alias : provider.aliases()) {
            assertThat(alias).matches("[A-Za-z][A-Za-z0-9_]*").isNotEqualTo(provider.name());
        }
    }

    @Test
    final void descriptionIsASentence() {
        assertThat(provider().description()).isNotBlank().endsWith(".");
    }

    @Test
    final void everyParameterIsSnakeCaseAndDescribed() {
        for (ParameterSpec<?> spec : provider().parameters().specs()) {
            assertThat(spec.name()).as("parameter name").matches("[a-z][a-z0-9_]*");
            assertThat(spec.description()).as("description of " + spec.name()).isNotBlank().endsWith(".");
            assertThat(spec.type().displayName()).as("type of " + spec.name()).isNotBlank();
        }
    }

    @Test
    final void requiredParametersHaveNoDefault() {
        for (ParameterSpec<?> spec : provider().parameters().specs()) {
            if (spec.required()) {
                assertThat(spec.defaultValue()).as("default of required " + spec.name()).isEmpty();
                assertThat(spec.defaultText()).isEqualTo("required");
            }
        }
    }

    @Test
    final void defaultsSatisfyTheirConstraints() {
        for (ParameterSpec<?> spec : provider().parameters().specs()) {
            checkDefault(spec);
        }
    }

    private static <T> void checkDefault(ParameterSpec<T> spec) {
        spec.defaultValue().ifPresent(value -> {
            for (Constraint<? super T> constraint : spec.constraints()) {
                assertThat(constraint.test().test(value))
                        .as("default of " + spec.name() + " must be " + constraint.description()).isTrue();
            }
        });
    }

    @Test
    final void sampleConfigurationsValidateAndBuildAnOperator() {
        assertThat(validConfigs()).isNotEmpty();
        for (Map<String, Object> raw : validConfigs()) {
            PluginConfig config = provider().parameters().bind(raw);
            assertThat(createOperator(provider(), config)).as("operator for " + raw).isNotNull();
        }
    }

    @Test
    final void providerIsFoundThroughItsOwnServicesFile() throws IOException {
        Class<?> providerClass = provider().getClass();
        List<String> registered = new ArrayList<>();
        String resource = "META-INF/services/" + providerType().getName();
        URL home = providerClass.getProtectionDomain().getCodeSource().getLocation();
        Enumeration<URL> files = providerClass.getClassLoader().getResources(resource);
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            if (file.toString().contains(home.getPath())) {
                registered.addAll(readServiceNames(file));
            }
        }
        assertThat(registered).as(resource + " beside " + home).contains(providerClass.getName());
        boolean loaded = ServiceLoader.load(providerType(), providerClass.getClassLoader()).stream()
                .anyMatch(p -> p.type().equals(providerClass));
        assertThat(loaded).as("ServiceLoader finds " + providerClass.getName()).isTrue();
    }

    private static List<String> readServiceNames(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = file.openStream();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String name = line.replaceAll("#.*", "").trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Test
    final void providerIsAPublicFinalClassWithoutState() {
        Class<?> type = provider().getClass();
        assertThat(Modifier.isPublic(type.getModifiers())).as("public").isTrue();
        assertThat(Modifier.isFinal(type.getModifiers())).as("final").isTrue();
        assertThatCode(() -> type.getConstructor().newInstance()).doesNotThrowAnyException();
        for (Field field : type.getDeclaredFields()) {
            assertThat(Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                    .as("field " + field.getName() + " of a provider must be a static constant").isTrue();
        }
    }

    @Test
    final void operatorsHaveOnlyFinalFields() {
        for (Map<String, Object> raw : validConfigs()) {
            Object operator = createOperator(provider(), provider().parameters().bind(raw));
            for (Class<?> type = operator.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    assertThat(Modifier.isFinal(field.getModifiers()))
                            .as("field " + type.getSimpleName() + "." + field.getName() + " must be final").isTrue();
                }
            }
        }
    }

    @Test
    final void concurrentRunsGiveTheSameResultsAsSequentialOnes() throws Exception {
        for (Map<String, Object> raw : validConfigs()) {
            Object operator = createOperator(provider(), provider().parameters().bind(raw));
            List<Object> expected = new ArrayList<>();
            for (long seed = 0; seed < 16; seed++) {
                expected.add(runOnce(operator, seed));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Object>> futures = new ArrayList<>();
                for (long seed = 0; seed < 16; seed++) {
                    long s = seed;
                    Callable<Object> task = () -> runOnce(operator, s);
                    futures.add(pool.submit(task));
                }
                for (int i = 0; i < futures.size(); i++) {
                    assertThat(futures.get(i).get(30, TimeUnit.SECONDS)).as("run with seed " + i + " of " + raw)
                            .isEqualTo(expected.get(i));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
