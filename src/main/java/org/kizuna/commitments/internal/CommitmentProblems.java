package org.kizuna.commitments.internal;

import java.util.Locale;
import org.kizuna.node.Messages;
import org.kizuna.node.Problems;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The problems the commitments API answers, each told by a message code of the commitments catalogue
 * ({@code i18n/commitments.properties}, {@code commitments_ja.properties}): in the reader's language when Spring MVC writes it,
 * in English in the exception itself (the node's log, callers inside the node, tests).
 */
public final class CommitmentProblems {

    private static final Messages TEXTS = Messages.load();

    private CommitmentProblems() {
    }

    /** 400 Bad request, told by {@code code} with {@code args}. */
    public static ErrorResponseException badRequest(String code, Object... args) {
        return of(HttpStatus.BAD_REQUEST, "Bad request", code, args);
    }

    /** A problem with a title of its own ({@code problem.title.<title>} in the catalogues), told by {@code code}. */
    public static ErrorResponseException of(HttpStatus status, String title, String code, Object... args) {
        return new Coded(status, title, code, args);
    }

    /** A part of a problem's text that is itself a message ({@link #of} resolves it in the reader's language). */
    public static MessageSourceResolvable part(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[]{code}, args);
    }

    private static Object[] english(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof MessageSourceResolvable r) {
                String[] codes = r.getCodes();
                Object[] inner = r.getArguments();
                if (codes != null && codes.length > 0) out[i] = TEXTS.text(codes[0], Locale.ENGLISH, english(inner == null ? new Object[0] : inner));
            }
        }
        return out;
    }

    private static final class Coded extends Problems.Coded {

        private final String title;

        Coded(HttpStatus status, String title, String code, Object[] args) {
            super(status, code, args.clone());
            this.title = title;
            getBody().setTitle(title);
            getBody().setDetail(TEXTS.text(code, Locale.ENGLISH, english(args)));
        }

        @Override
        public String getTitleMessageCode() {
            return Problems.titleCode(title);
        }
    }
}
