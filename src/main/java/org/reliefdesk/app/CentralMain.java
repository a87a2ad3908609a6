package org.reliefdesk.app;

/**
 * The central store's launcher ({@code bin/reliefdesk-central}, jpackage/central-launcher.properties):
 * {@code reliefdesk-central …} is {@code ReliefDesk central …}. A launcher of its own because the
 * central store, a server that runs for months and derives a key at every sign-in, needs the
 * optimizing compiler, which the workbench's launcher leaves out (README "Installers").
 */
public final class CentralMain {

    private CentralMain() {}

    public static void main(String[] args) {
        String[] central = new String[args.length + 1];
        central[0] = "central";
        System.arraycopy(args, 0, central, 1, args.length);
        Main.main(central);
    }
}
