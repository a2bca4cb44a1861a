import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent into a running JVM: {@code java Attach.java PID AGENT_PATH OPTIONS}. bench/profile.sh uses it
 * to start and stop async-profiler (whose jar on Maven Central carries the library but not its {@code asprof}
 * launcher) in the SAIO it profiles.
 */
public class Attach {
    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
