package io.gradsweep.driver.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * A logging back end for {@code status} of a local folder, which bin/gradsweep names with
 * {@code -Dslf4j.provider}: warnings and errors to stderr, in conf/log4j2.properties's pattern,
 * and nothing else, as that file sets. Log4j itself would start its plugin system and read its
 * configuration for a command that logs nothing when all is well: a sixth of status's CPU time.
 * Every other command, and status of a folder elsewhere (Hadoop logs there), keeps log4j.
 */
public final class WarningsToStderr implements SLF4JServiceProvider {
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, StderrLogger::new);

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    /** WARN and ERROR as {@code HH:mm:ss LEVEL Logger: message}, with the stack trace when there is one. */
    private static final class StderrLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        StderrLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                                   Throwable throwable) {
            PrintStream err = System.err;
            String shortName = name.substring(name.lastIndexOf('.') + 1);
            synchronized (err) {
                err.println(LocalTime.now().format(TIME) + " " + level + " " + shortName + ": "
                        + MessageFormatter.basicArrayFormat(pattern, arguments));
                if (throwable != null) {
                    throwable.printStackTrace(err);
                }
            }
        }
    }
}
