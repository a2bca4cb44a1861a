package io.cairn.common.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.XMLFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogRouteTest {
    private final ConsoleLineFormat format = new ConsoleLineFormat();
    private final String name = "io.cairn.test.route." + System.nanoTime();
    private final List<Logger> touched = new ArrayList<>();

    @AfterEach
    void removeHandlers() {
        for (Logger l : touched) {
            for (Handler h : l.getHandlers()) {
                l.removeHandler(h);
            }
            l.setFilter(null);
        }
    }

    private Logger logger(String loggerName, Handler... handlers) {
        Logger l = Logger.getLogger(loggerName);
        l.setUseParentHandlers(false);
        for (Handler h : handlers) {
            l.addHandler(h);
        }
        touched.add(l);
        return l;
    }

    @Test
    void shouldRenderItselfForTheConsoleWhenTheLoggerHasTheDefaultConsoleHandler() {
        Logger l = logger(name, new ConsoleHandler());

        LogRoute route = LogRoute.resolve(l, name, format);

        assertThat(route.consoleCopies).isEqualTo(1);
        assertThat(route.handlers).isEmpty();
        assertThat(route.viaLogger).isNull();
        assertThat(route.consoleHeader).isEqualTo(format.header(name));
    }

    @Test
    void shouldPublishToAHandlerWhenItIsNotTheDefaultConsole() {
        CapturingHandler capture = new CapturingHandler();
        ConsoleHandler xmlConsole = new ConsoleHandler();
        xmlConsole.setFormatter(new XMLFormatter());
        Logger l = logger(name, capture, xmlConsole);

        LogRoute route = LogRoute.resolve(l, name, format);

        assertThat(route.consoleCopies).isZero();
        assertThat(route.handlers).containsExactly(capture, xmlConsole);
    }

    @Test
    void shouldLeaveOutAConsoleHandlerWhenItsLevelIsAboveInfo() {
        ConsoleHandler quiet = new ConsoleHandler();
        quiet.setLevel(Level.WARNING);
        Logger l = logger(name, quiet);

        LogRoute route = LogRoute.resolve(l, name, format);

        assertThat(route.consoleCopies).isZero();
        assertThat(route.handlers).isEmpty();
    }

    @Test
    void shouldUseTheParentsHandlersWhenTheLoggerUsesParentHandlers() {
        CapturingHandler capture = new CapturingHandler();
        logger(name, capture, new ConsoleHandler());
        Logger child = Logger.getLogger(name + ".proxy");
        touched.add(child);

        LogRoute route = LogRoute.resolve(child, name + ".proxy", format);

        assertThat(route.consoleCopies).isEqualTo(1);
        assertThat(route.handlers).containsExactly(capture);
    }

    @Test
    void shouldGoThroughTheLoggerWhenTheLoggerHasAFilter() {
        ConsoleHandler console = new ConsoleHandler();
        Logger l = logger(name, console);
        l.setFilter(r -> !r.getMessage().contains("healthcheck"));

        LogRoute route = LogRoute.resolve(l, name, format);

        assertThat(route.viaLogger).isSameAs(l);
        assertThat(route.consoleCopies).isZero();
        assertThat(route.handlers).containsExactly(console); // flushed after each batch
    }
}
