package dev.newsroom.bench.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.List;

/**
 * The JVM a benchmark ran on, printed with its figures: they mean little without it.
 *
 * @param vm the virtual machine's name, such as {@code OpenJDK 64-Bit Server VM}
 * @param version the Java runtime's version, such as {@code 17.0.15+6}
 * @param flags the arguments the JVM was started with, such as {@code -Xmx512m}
 * @param processors the processors available to it
 * @param maxHeapBytes the most heap it will use
 * @param garbageCollectors the collectors in use, which the JVM picks when no flag does
 */
public record JvmDescription(String vm, String version, List<String> flags, int processors, long maxHeapBytes,
		List<String> garbageCollectors) {

	public JvmDescription {
		flags = List.copyOf(flags);
		garbageCollectors = List.copyOf(garbageCollectors);
	}

	/**
	 * This JVM.
	 * @return its description
	 */
	public static JvmDescription current() {
		RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
		return new JvmDescription(runtime.getVmName(), Runtime.version().toString(), runtime.getInputArguments(),
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
	}

}
