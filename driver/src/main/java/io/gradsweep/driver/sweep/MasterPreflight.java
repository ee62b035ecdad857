package io.gradsweep.driver.sweep;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SecurityManager;
import org.apache.spark.SecurityManager$;
import org.apache.spark.SparkConf;
import org.apache.spark.rpc.RpcAddress;
import org.apache.spark.rpc.RpcEnv;
import scala.Option;

/**
 * Before a driver registers with a standalone Master, connects to it once as the driver will
 * (same secret, same RPC layer) and asks for its endpoint, within a few seconds. A Master that
 * requires authentication refuses a driver with no secret or another one; Spark's own
 * registration would retry for a minute or more and then fail with an error that never mentions
 * authentication. This says so at once.
 */
public final class MasterPreflight {
    /**
     * Enough for a Master on a busy machine to answer a lookup (milliseconds when idle). A wrong
     * secret is refused within this; a driver with no secret is not answered at all.
     */
    static final int TIMEOUT_SECONDS = 8;
    private static final String TIMEOUT = TIMEOUT_SECONDS + "s";

    /** Why the Master could not be reached or refused us. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private MasterPreflight() {
    }

    /** Checks every Master of a {@code spark://} URL; does nothing for other masters. */
    static void check(SparkConf driverConf) {
        String master = driverConf.get("spark.master", "");
        if (!master.startsWith("spark://")) {
            return;
        }
        SparkConf conf = driverConf.clone();
        conf.set("spark.rpc.lookupTimeout", TIMEOUT);
        conf.set("spark.rpc.askTimeout", TIMEOUT);
        conf.set("spark.network.timeout", TIMEOUT);
        conf.set("spark.rpc.io.numConnectionsPerPeer", "1");
        SecurityManager security = new SecurityManager(conf, Option.empty(),
                SecurityManager$.MODULE$.$lessinit$greater$default$3());
        RpcEnv env = RpcEnv.create("gradsweepPreflight", conf.get("spark.driver.host", "localhost"), 0, conf, security,
                true);
        try {
            for (String hostPort : master.substring("spark://".length()).split(",")) {
                RpcAddress address = RpcAddress.fromSparkURL("spark://" + hostPort);
                try {
                    env.setupEndpointRef(address, "Master");
                } catch (Exception e) { // Spark's exceptions are thrown undeclared from Scala
                    throw new Refused(explain(address, conf, e), e);
                }
            }
        } finally {
            env.shutdown();
        }
    }

    private static String explain(RpcAddress address, SparkConf conf, Throwable e) {
        List<String> causes = new ArrayList<>();
        boolean unreachable = false;
        boolean authentication = false;
        boolean timedOut = false;
        for (Throwable t = e; t != null && causes.size() < 8; t = t.getCause()) {
            String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().trim());
            causes.add(text);
            unreachable |= t instanceof java.net.ConnectException;
            authentication |= t instanceof javax.security.sasl.SaslException
                    || text.toLowerCase(java.util.Locale.ROOT).contains("sasl");
            timedOut |= t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getSimpleName().equals("RpcTimeoutException");
        }
        String where = "the Master at spark://" + address.hostPort();
        String cause = " (" + String.join(" <- ", causes) + ")";
        String give = "Give the cluster's settings with --properties-file (bin/gradsweep-cluster writes them to its"
                + " spark.conf)";
        boolean ours = conf.getBoolean("spark.authenticate", false);
        if (unreachable || !listening(address)) {
            return "cannot reach " + where + ": nothing listens there; is the cluster up?" + cause;
        }
        // Something listens, and the connection failed before any answer: after the TCP connect, the
        // only step of setting up a connection is the authentication handshake (SASL). Spark reports
        // the handshake's own error to the first message only; ours may get "Outbox is stopped".
        if (authentication || !timedOut) {
            return "the cluster refused authentication: " + where + " rejected this driver, "
                    + (ours ? "whose spark.authenticate.secret is not the cluster's"
                            : "which has no secret (spark.authenticate is off here)") + ". " + give + cause;
        }
        if (!ours) {
            return "the cluster refused authentication: " + where + " did not answer within " + TIMEOUT_SECONDS
                    + " s, as a Master that requires authentication may do for a driver without a secret, and this"
                    + " driver has none (spark.authenticate is off here). " + give + cause;
        }
        return where + " did not answer within " + TIMEOUT_SECONDS + " s; is it overloaded, or not a Spark"
                + " Master?" + cause;
    }

    /** True when a TCP connection to {@code address} opens within 2 s. */
    private static boolean listening(RpcAddress address) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address.host(), address.port()), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
