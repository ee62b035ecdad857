package io.gradsweep.driver.cli;

import picocli.CommandLine.ITypeConverter;

/**
 * The value of a switch: given alone it is true; {@code --switch=true} and {@code --switch=false}
 * are taken too. Any other value is refused, because it would otherwise read as false.
 */
public final class SwitchValue implements ITypeConverter<Boolean> {
    /** Refuses a value that is neither true nor false; {@link CliErrors} names the flag. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String value) {
            super(value);
        }
    }

    @Override
    public Boolean convert(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw new Refused(value);
    }
}
