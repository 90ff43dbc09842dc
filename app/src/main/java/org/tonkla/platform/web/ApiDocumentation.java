package org.tonkla.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tonkla.platform.TonklaProperties;

/**
 * The OpenAPI description says everything a client meets: every status an operation can answer,
 * each as RFC 9457 problem+json ({@code Problem}); which fields may be {@code null}; and how to
 * authenticate (a bearer JWT from the client-credentials grant at {@code /oauth2/token}, or the
 * browser's session cookie). The server URL is the configured public URL, never the request's Host.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI tonklaOpenApi(TonklaProperties tonkla) {
        return new OpenAPI()
                .info(new Info().title("Tonkla (ต้นกล้า) API").version("v1")
                        .description("Thailand's early-childhood data platform. Errors are application/problem+json "
                                + "(RFC 9457); a 400 lists each bad field with what was expected."))
                .servers(List.of(new Server().url(tonkla.publicUrl())));
    }

    @Bean
    GlobalOpenApiCustomizer problemsAndSecurity() {
        return openApi -> {
            var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas(PROBLEM, problemSchema());
            components.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT")
                    .description("A token from POST /oauth2/token with grant_type=client_credentials (RFC 6749 §4.4); "
                            + "the client acts as one Tonkla user, with that user's current role and scope."));
            components.addSecuritySchemes("clientCredentials", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                    .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token")
                            .scopes(new Scopes().addString("api", "the API, as the client's Tonkla user")))));
            components.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.COOKIE).name("SESSION")
                    .description("The browser session after signing in at /login; writes also need the X-CSRF-TOKEN header."));
            openApi.setSecurity(List.of(new SecurityRequirement().addList("bearer"),
                    new SecurityRequirement().addList("clientCredentials", "api"), new SecurityRequirement().addList("session")));
            if (openApi.getPaths() == null) return;
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> addProblems(path, method, operation)));
        };
    }

    /**
     * Fields of a Java primitive type are never null; other fields are documented as nullable unless
     * they carry a not-null annotation (records name no other way to say a field is always there).
     */
    @Bean
    PropertyCustomizer nullableFields() {
        return (property, type) -> {
            if (property == null || property.get$ref() != null) return property;
            Type javaType = type.getType();
            boolean primitive = javaType instanceof Class<?> c ? c.isPrimitive()
                    : javaType instanceof JavaType j && j.isPrimitive();
            boolean notNull = type.getCtxAnnotations() != null && java.util.Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(a -> Set.of("NotNull", "NonNull", "NotBlank", "NotEmpty").contains(a.annotationType().getSimpleName()));
            if (primitive || notNull) return property;
            if (property.getSpecVersion() == SpecVersion.V31) {
                if (property.getTypes() != null && !property.getTypes().isEmpty()) property.addType("null");
            } else {
                property.setNullable(true);
            }
            return property;
        };
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        var responses = operation.getResponses();
        if (responses == null) return;
        add(responses, 400, "The request is invalid: each bad field is named with what was expected.");
        add(responses, 401, "Not signed in, or the token is missing, expired or its user disabled.");
        add(responses, 403, "Outside the caller's scope or role.");
        if (path.contains("{")) add(responses, 404, "No such resource.");
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        if (writes) {
            add(responses, 409, "Conflicts with the current state (e.g. a possible duplicate, a changed record).");
            add(responses, 413, "The request body is too large.");
        }
        add(responses, 429, "Too many requests.");
        add(responses, 500, "A server failure; nothing was saved half-way.");
    }

    private static void add(io.swagger.v3.oas.models.responses.ApiResponses responses, int status, String description) {
        String key = Integer.toString(status);
        var existing = responses.get(key);
        if (existing == null) {
            responses.addApiResponse(key, new ApiResponse().description(description).content(problemContent()));
        } else if (existing.getContent() == null || existing.getContent().isEmpty()
                || existing.getContent().keySet().stream().noneMatch(m -> m.contains("problem"))) {
            var content = existing.getContent() == null ? new Content() : existing.getContent();
            content.remove("*/*");
            content.addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
            existing.setContent(content);
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        var fieldError = new ObjectSchema().description("One bad field and what was expected there")
                .addProperty("field", new StringSchema()).addProperty("expected", new StringSchema());
        Schema problem = new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError).description("Present on 400: each bad field"));
        problem.setRequired(List.of("title", "status"));
        return problem;
    }

}
