package io.mmg.bench;

import com.sun.tools.attach.VirtualMachine;

/**
 * Loads a native agent (async-profiler) into a running JVM with its options as one string: jcmd's JVMTI.agent_load
 * reads "start,event=cpu" as a named argument and passes the agent nothing.
 *
 * <pre>  java -cp classes io.mmg.bench.LoadAgent &lt;pid&gt; &lt;libasyncProfiler.so&gt; start,event=cpu,interval=1ms</pre>
 */
public final class LoadAgent {

    public static void main(String[] args) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(args[0]);
        try {
            vm.loadAgentPath(args[1], args[2]);
        } finally {
            vm.detach();
        }
    }
}
