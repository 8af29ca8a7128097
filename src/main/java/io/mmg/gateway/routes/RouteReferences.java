package io.mmg.gateway.routes;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.language.MethodCallExpression;

/**
 * What a route depends on outside itself: the endpoints it sends to and the beans it calls, each with the line
 * it is written on, walked through every nested step (choice, split, doTry, circuitBreaker...).
 */
final class RouteReferences {

    /** An endpoint a step sends to ({@code to}, {@code toD}, {@code wireTap}). */
    record Endpoint(String uri, int line, String text) {
    }

    /** A bean a step calls ({@code bean} or a {@code method} expression); method may be null. */
    record BeanCall(String ref, String method, int line, String text) {
    }

    final List<Endpoint> endpoints = new ArrayList<>();
    final List<BeanCall> beans = new ArrayList<>();

    static RouteReferences of(RouteDefinition route, ParsedRouteFile file) {
        RouteReferences found = new RouteReferences();
        if (route.getInput() != null) {
            String uri = route.getInput().getEndpointUri();
            found.endpoints.add(new Endpoint(uri, line(route.getInput().getLineNumber(), file, uri), uri));
        }
        List<ProcessorDefinition<?>> outputs = route.getOutputs();
        for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(outputs, ToDefinition.class)) {
            found.endpoints.add(new Endpoint(to.getUri(), line(to.getLineNumber(), file, to.getUri()), to.getUri()));
        }
        for (ToDynamicDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(outputs, ToDynamicDefinition.class)) {
            found.endpoints.add(new Endpoint(to.getUri(), line(to.getLineNumber(), file, to.getUri()), to.getUri()));
        }
        for (BeanDefinition bean : ProcessorDefinitionHelper.filterTypeInOutputs(outputs, BeanDefinition.class)) {
            if (bean.getRef() != null) {
                found.beans.add(new BeanCall(bean.getRef(), bean.getMethod(), line(bean.getLineNumber(), file, bean.getRef()), bean.getRef()));
            }
        }
        for (ExpressionNode node : ProcessorDefinitionHelper.filterTypeInOutputs(outputs, ExpressionNode.class)) {
            if (node.getExpression() instanceof MethodCallExpression call && call.getRef() != null) {
                found.beans.add(new BeanCall(call.getRef(), call.getMethod(), line(node.getLineNumber(), file, call.getRef()), call.getRef()));
            }
        }
        return found;
    }

    private static int line(int known, ParsedRouteFile file, String text) {
        // The model knows the step's first line; the value may be a line or two below it.
        return file.lineOf(text, Math.max(known, 1));
    }
}
