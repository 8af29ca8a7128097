package io.mmg.gateway.routes;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.stereotype.Component;

/**
 * The beans a route may call by name: the gateway's components and {@code @Bean} methods, found on the class
 * path the way Spring finds them, but without creating one, so a route file can be checked without a gateway.
 * Conditions (profiles, properties) are ignored on purpose: a bean that exists in some configuration is callable.
 */
public final class KnownBeans {

    private final Map<String, Class<?>> types;

    KnownBeans(Map<String, Class<?>> types) {
        this.types = Map.copyOf(types);
    }

    public static KnownBeans ofGateway() {
        return scan("io.mmg.gateway");
    }

    static KnownBeans scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(MetadataReader reader) {
                // Unlike Spring's own scan, conditions are not evaluated: only whether it is a component.
                return reader.getAnnotationMetadata().hasAnnotation(Component.class.getName())
                        || reader.getAnnotationMetadata().hasMetaAnnotation(Component.class.getName());
            }
        };
        Map<String, Class<?>> found = new TreeMap<>();
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = load(definition.getBeanClassName());
            if (type == null) {
                continue;
            }
            found.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName((AnnotatedBeanDefinition) definition, registry), type);
            for (Method method : type.getDeclaredMethods()) {
                Bean bean = method.getAnnotation(Bean.class);
                if (bean != null) {
                    String name = bean.name().length > 0 ? bean.name()[0] : bean.value().length > 0 ? bean.value()[0] : method.getName();
                    found.put(name, method.getReturnType());
                }
            }
        }
        return new KnownBeans(found);
    }

    boolean has(String name) {
        return types.containsKey(name);
    }

    /** Whether the bean has a method of that name; true when its declared type is an interface we cannot see past. */
    boolean hasMethod(String name, String method) {
        Class<?> type = types.get(name);
        if (type == null || type.isInterface()) {
            return true;
        }
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(method));
    }

    /** A known name at most three edits away (a typo), for "did you mean". */
    Optional<String> closestName(String name) {
        return types.keySet().stream().filter(known -> distance(known.toLowerCase(), name.toLowerCase()) <= 3)
                .min(java.util.Comparator.comparingInt(known -> distance(known.toLowerCase(), name.toLowerCase())));
    }

    /** Levenshtein distance, two rows at a time. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, KnownBeans.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
