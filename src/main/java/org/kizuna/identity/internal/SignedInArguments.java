package org.kizuna.identity.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kizuna.identity.CurrentUser;
import org.kizuna.identity.KizunaUser;
import org.kizuna.label.Reader;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method take the signed-in user as a parameter: a {@link KizunaUser} parameter is the user
 * the request runs for ({@link CurrentUser#require()}), a {@link Reader} parameter that user as the reader its
 * reads are decided for ({@link CurrentUser#reader()}). Security lets no request without a user reach such a method.
 * Neither is a request parameter, so the API description does not list them.
 */
@Configuration(proxyBeanMethods = false)
class SignedInArguments implements WebMvcConfigurer {

    static {
        // the client sends no such parameter: the API description (/api/v1/openapi) lists none
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(KizunaUser.class, Reader.class);
    }

    private final CurrentUser currentUser;

    SignedInArguments(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                Class<?> type = parameter.getParameterType();
                return type == KizunaUser.class || type == Reader.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mav, NativeWebRequest request,
                    @Nullable WebDataBinderFactory binders) {
                KizunaUser user = currentUser.require();
                return parameter.getParameterType() == Reader.class ? user.reader() : user;
            }
        });
    }
}
