package org.kizuna.identity;

import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A write the user may not make: answered 403 problem+json saying what the write needs, nothing about other items. */
public final class WriteRefused extends ErrorResponseException {

    public WriteRefused(KizunaUser user, Write write, String nation, String clearanceFloor) {
        super(HttpStatus.FORBIDDEN, problem(user, write, nation, clearanceFloor), null);
    }

    private static ProblemDetail problem(KizunaUser user, Write write, String nation, String floor) {
        String roles = write.roles().stream().map(r -> r.name().toLowerCase()).sorted().collect(Collectors.joining(" or "));
        String detail = write.what() + " needs the " + roles + " role of " + write.whose() + " (" + nation + ")"
                + (write.clearanceFloor() ? " and a clearance of at least " + floor : "")
                + "; you are " + user.username() + " of " + user.nation();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        p.setTitle("Not allowed");
        return p;
    }
}
