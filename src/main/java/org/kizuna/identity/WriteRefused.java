package org.kizuna.identity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A write the user may not make: answered 403 problem+json saying what the write needs, nothing about other items. */
public final class WriteRefused extends ErrorResponseException {

    public WriteRefused(KizunaUser user, Write write, String nation, String clearanceFloor) {
        super(HttpStatus.FORBIDDEN, problem(user, write, nation, clearanceFloor), null);
    }

    private static ProblemDetail problem(KizunaUser user, Write write, String nation, String floor) {
        String detail = write.needs(nation, floor) + "; you are " + user.username() + " of " + user.nation();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        p.setTitle("Not allowed");
        return p;
    }
}
