package io.gradsweep.driver.report;

/** Puts AWT in headless mode before the first chart is drawn: report machines have no display. */
final class Headless {

    private Headless() {}

    /**
     * Sets {@code java.awt.headless=true} unless the JVM was started with a value. AWT reads it
     * once, when first asked; bin/gradsweep and surefire pass it on the command line as well,
     * which also covers code that touches AWT before any chart class is loaded.
     */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
