package org.reliefdesk.logic.interchange;

import org.reliefdesk.model.InvalidFieldException;

/** One line of an interchange file that cannot be used: its number, the field, and the rule. */
public class LineRejectedException extends Exception {

    private final int lineNumber;
    private final transient InvalidFieldException problem;

    public LineRejectedException(int lineNumber, InvalidFieldException problem) {
        super("line " + lineNumber + ": " + problem.getMessage(), problem);
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public InvalidFieldException problem() {
        return problem;
    }
}
