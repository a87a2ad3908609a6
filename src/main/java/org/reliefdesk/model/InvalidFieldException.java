package org.reliefdesk.model;

import java.util.List;

/**
 * Bad input: names the field and the rule it broke. The rule is a message key resolved
 * from the resource bundles by the layer that shows it; {@code args} fill its placeholders.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;
    private final String rule;
    private final transient List<Object> args;

    public InvalidFieldException(String field, String rule, Object... args) {
        super(field + ": " + rule + (args.length == 0 ? "" : " " + List.of(args)));
        this.field = field;
        this.rule = rule;
        this.args = List.of(args);
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public List<Object> args() {
        return args;
    }
}
