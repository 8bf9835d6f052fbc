package org.kizuna;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.StreamReadConstraints;

/**
 * Bounds what a request can make the node read: a body longer than {@code kizuna.max-request-body} is
 * refused with 413 before it is read when its length is declared, and cut off at the limit when it is
 * sent in chunks; a JSON body nested deeper than {@code kizuna.max-json-nesting} levels is refused (400)
 * as the parser reaches that depth. Form posts (the login page) are bounded by Tomcat's own limit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.Settings.class)
class RequestLimits {

    /**
     * The node's request limits (prefix {@code kizuna}).
     *
     * @param maxRequestBody the largest request body the node reads; a larger one is refused (413)
     * @param maxJsonNesting the deepest nesting of a JSON body the node parses; a deeper one is refused (400)
     */
    @Validated
    @ConfigurationProperties("kizuna")
    record Settings(@DefaultValue("1MB") @NotNull DataSize maxRequestBody,
            @DefaultValue("64") @Positive int maxJsonNesting) {
    }

    @Bean
    FilterRegistrationBean<BodyLimit> requestBodyLimit(Settings settings) {
        FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(new BodyLimit(settings.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    JsonFactoryBuilderCustomizer jsonNestingLimit(Settings settings) {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(settings.maxJsonNesting()).build());
    }

    /** Thrown while reading a chunked body past the limit; {@link ApiErrors} answers 413. */
    static final class BodyTooLarge extends IOException {
        final long limit;

        BodyTooLarge(long limit) {
            super("request body exceeds " + limit + " bytes");
            this.limit = limit;
        }
    }

    static final class BodyLimit extends OncePerRequestFilter {
        private final long max;

        BodyLimit(long max) {
            this.max = max;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared > max) {
                response.setStatus(413);
                response.setHeader("Connection", "close");
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write(ApiErrors.tooLargeJson(max, request.getRequestURI()));
                return;
            }
            // a body without a declared length comes in chunks: count what is read
            boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
            chain.doFilter(chunked ? new Capped(request, max) : request, response);
        }
    }

    /** A request whose body stream fails once more than {@code max} bytes have been read. */
    static final class Capped extends HttpServletRequestWrapper {
        private final long max;
        private @Nullable ServletInputStream in;

        Capped(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                ServletInputStream raw = super.getInputStream();
                in = new ServletInputStream() {
                    long read;

                    @Override
                    public int read() throws IOException {
                        int b = raw.read();
                        if (b >= 0) count(1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = raw.read(buf, off, (int) Math.min(len, max - read + 1));
                        if (n > 0) count(n);
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) throw new BodyTooLarge(max);
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        raw.setReadListener(listener);
                    }
                };
            }
            return in;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
