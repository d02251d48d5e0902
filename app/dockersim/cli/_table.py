"""Real docker 28.2.2 client help texts and flags (generated from `docker X --help`; do not edit)."""

from typing import Any

COMMANDS: dict[str, dict[str, Any]] = {
    "attach": {
        "flags": [
            {
                "desc": "Override the key sequence for detaching a",
                "long": "detach-keys",
                "short": None,
                "type": "string",
            },
            {"desc": "Do not attach STDIN", "long": "no-stdin", "short": None, "type": "bool"},
            {"desc": "Proxy all received signals to the process", "long": "sig-proxy", "short": None, "type": "bool"},
        ],
        "help": "Usage:  docker attach [OPTIONS] CONTAINER\n"
        "\n"
        "Attach local standard input, output, and error streams to a running "
        "container\n"
        "\n"
        "Aliases:\n"
        "  docker container attach, docker attach\n"
        "\n"
        "Options:\n"
        "      --detach-keys string   Override the key sequence for detaching a\n"
        "                             container\n"
        "      --no-stdin             Do not attach STDIN\n"
        "      --sig-proxy            Proxy all received signals to the process\n"
        "                             (default true)\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker attach' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker attach' requires 1 argument"},
        "usage": "docker attach [OPTIONS] CONTAINER",
    },
    "build": {
        "flags": [
            {"desc": 'Add a custom host-to-IP mapping ("host:ip")', "long": "add-host", "short": None, "type": "list"},
            {"desc": "Set build-time variables", "long": "build-arg", "short": None, "type": "list"},
            {"desc": "Images to consider as cache sources", "long": "cache-from", "short": None, "type": "strings"},
            {"desc": 'Set the parent cgroup for the "RUN"', "long": "cgroup-parent", "short": None, "type": "string"},
            {"desc": "Compress the build context using gzip", "long": "compress", "short": None, "type": "bool"},
            {"desc": "Limit the CPU CFS (Completely Fair", "long": "cpu-period", "short": None, "type": "int"},
            {"desc": "Limit the CPU CFS (Completely Fair", "long": "cpu-quota", "short": None, "type": "int"},
            {"desc": "CPU shares (relative weight)", "long": "cpu-shares", "short": "c", "type": "int"},
            {
                "desc": "CPUs in which to allow execution (0-3, 0,1)",
                "long": "cpuset-cpus",
                "short": None,
                "type": "string",
            },
            {
                "desc": "MEMs in which to allow execution (0-3, 0,1)",
                "long": "cpuset-mems",
                "short": None,
                "type": "string",
            },
            {
                "desc": "Skip image verification (default true)",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Name of the Dockerfile (Default is", "long": "file", "short": "f", "type": "string"},
            {"desc": "Always remove intermediate containers", "long": "force-rm", "short": None, "type": "bool"},
            {"desc": "Write the image ID to the file", "long": "iidfile", "short": None, "type": "string"},
            {"desc": "Container isolation technology", "long": "isolation", "short": None, "type": "string"},
            {"desc": "Set metadata for an image", "long": "label", "short": None, "type": "list"},
            {"desc": "Memory limit", "long": "memory", "short": "m", "type": "bytes"},
            {"desc": "Swap limit equal to memory plus swap: -1", "long": "memory-swap", "short": None, "type": "bytes"},
            {"desc": "Set the networking mode for the RUN", "long": "network", "short": None, "type": "string"},
            {"desc": "Do not use cache when building the image", "long": "no-cache", "short": None, "type": "bool"},
            {"desc": "Set platform if server is multi-platform", "long": "platform", "short": None, "type": "string"},
            {"desc": "Always attempt to pull a newer version of", "long": "pull", "short": None, "type": "bool"},
            {"desc": "Suppress the build output and print image", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Remove intermediate containers after a", "long": "rm", "short": None, "type": "bool"},
            {"desc": "Security options", "long": "security-opt", "short": None, "type": "strings"},
            {"desc": 'Size of "/dev/shm"', "long": "shm-size", "short": None, "type": "bytes"},
            {"desc": "Squash newly built layers into a single", "long": "squash", "short": None, "type": "bool"},
            {"desc": "Name and optionally a tag in the", "long": "tag", "short": "t", "type": "list"},
            {"desc": "Set the target build stage to build.", "long": "target", "short": None, "type": "string"},
            {"desc": "Ulimit options (default [])", "long": "ulimit", "short": None, "type": "ulimit"},
        ],
        "help": "Usage:  docker build [OPTIONS] PATH | URL | -\n"
        "\n"
        "Build an image from a Dockerfile\n"
        "\n"
        "Aliases:\n"
        "  docker image build, docker build, docker builder build\n"
        "\n"
        "Options:\n"
        '      --add-host list           Add a custom host-to-IP mapping ("host:ip")\n'
        "      --build-arg list          Set build-time variables\n"
        "      --cache-from strings      Images to consider as cache sources\n"
        '      --cgroup-parent string    Set the parent cgroup for the "RUN"\n'
        "                                instructions during build\n"
        "      --compress                Compress the build context using gzip\n"
        "      --cpu-period int          Limit the CPU CFS (Completely Fair\n"
        "                                Scheduler) period\n"
        "      --cpu-quota int           Limit the CPU CFS (Completely Fair\n"
        "                                Scheduler) quota\n"
        "  -c, --cpu-shares int          CPU shares (relative weight)\n"
        "      --cpuset-cpus string      CPUs in which to allow execution (0-3, 0,1)\n"
        "      --cpuset-mems string      MEMs in which to allow execution (0-3, 0,1)\n"
        "      --disable-content-trust   Skip image verification (default true)\n"
        "  -f, --file string             Name of the Dockerfile (Default is\n"
        '                                "PATH/Dockerfile")\n'
        "      --force-rm                Always remove intermediate containers\n"
        "      --iidfile string          Write the image ID to the file\n"
        "      --isolation string        Container isolation technology\n"
        "      --label list              Set metadata for an image\n"
        "  -m, --memory bytes            Memory limit\n"
        "      --memory-swap bytes       Swap limit equal to memory plus swap: -1\n"
        "                                to enable unlimited swap\n"
        "      --network string          Set the networking mode for the RUN\n"
        '                                instructions during build (default "default")\n'
        "      --no-cache                Do not use cache when building the image\n"
        "      --platform string         Set platform if server is multi-platform\n"
        "                                capable\n"
        "      --pull                    Always attempt to pull a newer version of\n"
        "                                the image\n"
        "  -q, --quiet                   Suppress the build output and print image\n"
        "                                ID on success\n"
        "      --rm                      Remove intermediate containers after a\n"
        "                                successful build (default true)\n"
        "      --security-opt strings    Security options\n"
        '      --shm-size bytes          Size of "/dev/shm"\n'
        "      --squash                  Squash newly built layers into a single\n"
        "                                new layer\n"
        "  -t, --tag list                Name and optionally a tag in the\n"
        '                                "name:tag" format\n'
        "      --target string           Set the target build stage to build.\n"
        "      --ulimit ulimit           Ulimit options (default [])\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker build' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker build' requires 1 argument"},
        "usage": "docker build [OPTIONS] PATH | URL | -",
    },
    "container attach": {
        "flags": [
            {
                "desc": "Override the key sequence for detaching a",
                "long": "detach-keys",
                "short": None,
                "type": "string",
            },
            {"desc": "Do not attach STDIN", "long": "no-stdin", "short": None, "type": "bool"},
            {"desc": "Proxy all received signals to the process", "long": "sig-proxy", "short": None, "type": "bool"},
        ],
        "help": "Usage:  docker container attach [OPTIONS] CONTAINER\n"
        "\n"
        "Attach local standard input, output, and error streams to a running "
        "container\n"
        "\n"
        "Aliases:\n"
        "  docker container attach, docker attach\n"
        "\n"
        "Options:\n"
        "      --detach-keys string   Override the key sequence for "
        "detaching a\n"
        "                             container\n"
        "      --no-stdin             Do not attach STDIN\n"
        "      --sig-proxy            Proxy all received signals to the "
        "process\n"
        "                             (default true)\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker container attach' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container attach' requires 1 argument"},
        "usage": "docker container attach [OPTIONS] CONTAINER",
    },
    "container cp": {
        "flags": [
            {"desc": "Archive mode (copy all uid/gid information)", "long": "archive", "short": "a", "type": "bool"},
            {"desc": "Always follow symbol link in SRC_PATH", "long": "follow-link", "short": "L", "type": "bool"},
            {"desc": "Suppress progress output during copy. Progress", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker container cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n"
        "\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n"
        "\n"
        "Copy files/folders between a container and the local filesystem\n"
        "\n"
        "Use '-' as the source to read a tar archive from stdin\n"
        "and extract it to a directory destination in a container.\n"
        "Use '-' as the destination to stream a tar archive of a\n"
        "container source to stdout.\n"
        "\n"
        "Aliases:\n"
        "  docker container cp, docker cp\n"
        "\n"
        "Options:\n"
        "  -a, --archive       Archive mode (copy all uid/gid information)\n"
        "  -L, --follow-link   Always follow symbol link in SRC_PATH\n"
        "  -q, --quiet         Suppress progress output during copy. Progress\n"
        "                      output is automatically suppressed if no "
        "terminal\n"
        "                      is attached\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker container cp' requires 2 arguments"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container cp' requires 2 arguments"},
        "usage": "docker container cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-",
    },
    "container create": {
        "flags": [
            {"desc": "Add a custom host-to-IP mapping", "long": "add-host", "short": None, "type": "list"},
            {"desc": "Add an annotation to the", "long": "annotation", "short": None, "type": "map"},
            {"desc": "Attach to STDIN, STDOUT or STDERR", "long": "attach", "short": "a", "type": "list"},
            {"desc": "Block IO (relative weight),", "long": "blkio-weight", "short": None, "type": "uint16"},
            {"desc": "Block IO weight (relative device", "long": "blkio-weight-device", "short": None, "type": "list"},
            {"desc": "Add Linux capabilities", "long": "cap-add", "short": None, "type": "list"},
            {"desc": "Drop Linux capabilities", "long": "cap-drop", "short": None, "type": "list"},
            {"desc": "Optional parent cgroup for the", "long": "cgroup-parent", "short": None, "type": "string"},
            {"desc": "Cgroup namespace to use", "long": "cgroupns", "short": None, "type": "string"},
            {"desc": "Write the container ID to the file", "long": "cidfile", "short": None, "type": "string"},
            {"desc": "CPU count (Windows only)", "long": "cpu-count", "short": None, "type": "int"},
            {"desc": "CPU percent (Windows only)", "long": "cpu-percent", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-period", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-quota", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time period in", "long": "cpu-rt-period", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time runtime in", "long": "cpu-rt-runtime", "short": None, "type": "int"},
            {"desc": "CPU shares (relative weight)", "long": "cpu-shares", "short": "c", "type": "int"},
            {"desc": "Number of CPUs", "long": "cpus", "short": None, "type": "decimal"},
            {"desc": "CPUs in which to allow execution", "long": "cpuset-cpus", "short": None, "type": "string"},
            {"desc": "MEMs in which to allow execution", "long": "cpuset-mems", "short": None, "type": "string"},
            {"desc": "Add a host device to the container", "long": "device", "short": None, "type": "list"},
            {"desc": "Add a rule to the cgroup allowed", "long": "device-cgroup-rule", "short": None, "type": "list"},
            {"desc": "Limit read rate (bytes per", "long": "device-read-bps", "short": None, "type": "list"},
            {"desc": "Limit read rate (IO per second)", "long": "device-read-iops", "short": None, "type": "list"},
            {"desc": "Limit write rate (bytes per", "long": "device-write-bps", "short": None, "type": "list"},
            {"desc": "Limit write rate (IO per second)", "long": "device-write-iops", "short": None, "type": "list"},
            {
                "desc": "Skip image verification (default",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Set custom DNS servers", "long": "dns", "short": None, "type": "list"},
            {"desc": "Set DNS options", "long": "dns-option", "short": None, "type": "list"},
            {"desc": "Set custom DNS search domains", "long": "dns-search", "short": None, "type": "list"},
            {"desc": "Container NIS domain name", "long": "domainname", "short": None, "type": "string"},
            {"desc": "Overwrite the default ENTRYPOINT", "long": "entrypoint", "short": None, "type": "string"},
            {"desc": "Set environment variables", "long": "env", "short": "e", "type": "list"},
            {"desc": "Read in a file of environment", "long": "env-file", "short": None, "type": "list"},
            {"desc": "Expose a port or a range of ports", "long": "expose", "short": None, "type": "list"},
            {
                "desc": "GPU devices to add to the container ('all' to pass all GPUs)",
                "long": "gpus",
                "short": None,
                "type": "gpu-request",
            },
            {"desc": "Add additional groups to join", "long": "group-add", "short": None, "type": "list"},
            {"desc": "Command to run to check health", "long": "health-cmd", "short": None, "type": "string"},
            {"desc": "Time between running the check", "long": "health-interval", "short": None, "type": "duration"},
            {"desc": "Consecutive failures needed to", "long": "health-retries", "short": None, "type": "int"},
            {
                "desc": "Time between running the check",
                "long": "health-start-interval",
                "short": None,
                "type": "duration",
            },
            {
                "desc": "Start period for the container",
                "long": "health-start-period",
                "short": None,
                "type": "duration",
            },
            {"desc": "Maximum time to allow one check", "long": "health-timeout", "short": None, "type": "duration"},
            {"desc": "Print usage", "long": "help", "short": None, "type": "bool"},
            {"desc": "Container host name", "long": "hostname", "short": "h", "type": "string"},
            {"desc": "Run an init inside the container", "long": "init", "short": None, "type": "bool"},
            {"desc": "Keep STDIN open even if not attached", "long": "interactive", "short": "i", "type": "bool"},
            {"desc": "Maximum IO bandwidth limit for", "long": "io-maxbandwidth", "short": None, "type": "bytes"},
            {"desc": "Maximum IOps limit for the", "long": "io-maxiops", "short": None, "type": "uint"},
            {"desc": "IPv4 address (e.g., 172.30.100.104)", "long": "ip", "short": None, "type": "string"},
            {"desc": "IPv6 address (e.g., 2001:db8::33)", "long": "ip6", "short": None, "type": "string"},
            {"desc": "IPC mode to use", "long": "ipc", "short": None, "type": "string"},
            {"desc": "Container isolation technology", "long": "isolation", "short": None, "type": "string"},
            {"desc": "Kernel memory limit", "long": "kernel-memory", "short": None, "type": "bytes"},
            {"desc": "Set meta data on a container", "long": "label", "short": "l", "type": "list"},
            {"desc": "Read in a line delimited file of", "long": "label-file", "short": None, "type": "list"},
            {"desc": "Add link to another container", "long": "link", "short": None, "type": "list"},
            {"desc": "Container IPv4/IPv6 link-local", "long": "link-local-ip", "short": None, "type": "list"},
            {"desc": "Logging driver for the container", "long": "log-driver", "short": None, "type": "string"},
            {"desc": "Log driver options", "long": "log-opt", "short": None, "type": "list"},
            {"desc": "Container MAC address (e.g.,", "long": "mac-address", "short": None, "type": "string"},
            {"desc": "Memory limit", "long": "memory", "short": "m", "type": "bytes"},
            {"desc": "Memory soft limit", "long": "memory-reservation", "short": None, "type": "bytes"},
            {"desc": "Swap limit equal to memory plus", "long": "memory-swap", "short": None, "type": "bytes"},
            {"desc": "Tune container memory swappiness", "long": "memory-swappiness", "short": None, "type": "int"},
            {"desc": "Attach a filesystem mount to the", "long": "mount", "short": None, "type": "mount"},
            {"desc": "Assign a name to the container", "long": "name", "short": None, "type": "string"},
            {"desc": "Connect a container to a network", "long": "network", "short": None, "type": "network"},
            {"desc": "Add network-scoped alias for the", "long": "network-alias", "short": None, "type": "list"},
            {"desc": "Disable any container-specified", "long": "no-healthcheck", "short": None, "type": "bool"},
            {"desc": "Disable OOM Killer", "long": "oom-kill-disable", "short": None, "type": "bool"},
            {"desc": "Tune host's OOM preferences", "long": "oom-score-adj", "short": None, "type": "int"},
            {"desc": "PID namespace to use", "long": "pid", "short": None, "type": "string"},
            {"desc": "Tune container pids limit (set", "long": "pids-limit", "short": None, "type": "int"},
            {"desc": "Set platform if server is", "long": "platform", "short": None, "type": "string"},
            {"desc": "Give extended privileges to this", "long": "privileged", "short": None, "type": "bool"},
            {"desc": "Publish a container's port(s) to", "long": "publish", "short": "p", "type": "list"},
            {"desc": "Publish all exposed ports to", "long": "publish-all", "short": "P", "type": "bool"},
            {"desc": "Pull image before creating", "long": "pull", "short": None, "type": "string"},
            {"desc": "Suppress the pull output", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Mount the container's root", "long": "read-only", "short": None, "type": "bool"},
            {"desc": "Restart policy to apply when a", "long": "restart", "short": None, "type": "string"},
            {"desc": "Automatically remove the", "long": "rm", "short": None, "type": "bool"},
            {"desc": "Runtime to use for this container", "long": "runtime", "short": None, "type": "string"},
            {"desc": "Security Options", "long": "security-opt", "short": None, "type": "list"},
            {"desc": "Size of /dev/shm", "long": "shm-size", "short": None, "type": "bytes"},
            {"desc": "Signal to stop the container", "long": "stop-signal", "short": None, "type": "string"},
            {"desc": "Timeout (in seconds) to stop a", "long": "stop-timeout", "short": None, "type": "int"},
            {"desc": "Storage driver options for the", "long": "storage-opt", "short": None, "type": "list"},
            {"desc": "Sysctl options (default map[])", "long": "sysctl", "short": None, "type": "map"},
            {"desc": "Mount a tmpfs directory", "long": "tmpfs", "short": None, "type": "list"},
            {"desc": "Allocate a pseudo-TTY", "long": "tty", "short": "t", "type": "bool"},
            {"desc": "Ulimit options (default [])", "long": "ulimit", "short": None, "type": "ulimit"},
            {"desc": "Bind mount Docker API socket and", "long": "use-api-socket", "short": None, "type": "bool"},
            {"desc": "Username or UID (format:", "long": "user", "short": "u", "type": "string"},
            {"desc": "User namespace to use", "long": "userns", "short": None, "type": "string"},
            {"desc": "UTS namespace to use", "long": "uts", "short": None, "type": "string"},
            {"desc": "Bind mount a volume", "long": "volume", "short": "v", "type": "list"},
            {"desc": "Optional volume driver for the", "long": "volume-driver", "short": None, "type": "string"},
            {"desc": "Mount volumes from the specified", "long": "volumes-from", "short": None, "type": "list"},
            {"desc": "Working directory inside the", "long": "workdir", "short": "w", "type": "string"},
        ],
        "help": "Usage:  docker container create [OPTIONS] IMAGE [COMMAND] [ARG...]\n"
        "\n"
        "Create a new container\n"
        "\n"
        "Aliases:\n"
        "  docker container create, docker create\n"
        "\n"
        "Options:\n"
        "      --add-host list                    Add a custom host-to-IP "
        "mapping\n"
        "                                         (host:ip)\n"
        "      --annotation map                   Add an annotation to the\n"
        "                                         container (passed through "
        "to the\n"
        "                                         OCI runtime) (default "
        "map[])\n"
        "  -a, --attach list                      Attach to STDIN, STDOUT or "
        "STDERR\n"
        "      --blkio-weight uint16              Block IO (relative "
        "weight),\n"
        "                                         between 10 and 1000, or 0 "
        "to\n"
        "                                         disable (default 0)\n"
        "      --blkio-weight-device list         Block IO weight (relative "
        "device\n"
        "                                         weight) (default [])\n"
        "      --cap-add list                     Add Linux capabilities\n"
        "      --cap-drop list                    Drop Linux capabilities\n"
        "      --cgroup-parent string             Optional parent cgroup for "
        "the\n"
        "                                         container\n"
        "      --cgroupns string                  Cgroup namespace to use\n"
        "                                         (host|private)\n"
        "                                         'host':    Run the "
        "container in\n"
        "                                         the Docker host's cgroup\n"
        "                                         namespace\n"
        "                                         'private': Run the "
        "container in\n"
        "                                         its own private cgroup "
        "namespace\n"
        "                                         '':        Use the cgroup\n"
        "                                         namespace as configured by "
        "the\n"
        "                                                    "
        "default-cgroupns-mode\n"
        "                                         option on the daemon "
        "(default)\n"
        "      --cidfile string                   Write the container ID to "
        "the file\n"
        "      --cpu-count int                    CPU count (Windows only)\n"
        "      --cpu-percent int                  CPU percent (Windows "
        "only)\n"
        "      --cpu-period int                   Limit CPU CFS (Completely "
        "Fair\n"
        "                                         Scheduler) period\n"
        "      --cpu-quota int                    Limit CPU CFS (Completely "
        "Fair\n"
        "                                         Scheduler) quota\n"
        "      --cpu-rt-period int                Limit CPU real-time period "
        "in\n"
        "                                         microseconds\n"
        "      --cpu-rt-runtime int               Limit CPU real-time "
        "runtime in\n"
        "                                         microseconds\n"
        "  -c, --cpu-shares int                   CPU shares (relative "
        "weight)\n"
        "      --cpus decimal                     Number of CPUs\n"
        "      --cpuset-cpus string               CPUs in which to allow "
        "execution\n"
        "                                         (0-3, 0,1)\n"
        "      --cpuset-mems string               MEMs in which to allow "
        "execution\n"
        "                                         (0-3, 0,1)\n"
        "      --device list                      Add a host device to the "
        "container\n"
        "      --device-cgroup-rule list          Add a rule to the cgroup "
        "allowed\n"
        "                                         devices list\n"
        "      --device-read-bps list             Limit read rate (bytes "
        "per\n"
        "                                         second) from a device "
        "(default [])\n"
        "      --device-read-iops list            Limit read rate (IO per "
        "second)\n"
        "                                         from a device (default "
        "[])\n"
        "      --device-write-bps list            Limit write rate (bytes "
        "per\n"
        "                                         second) to a device "
        "(default [])\n"
        "      --device-write-iops list           Limit write rate (IO per "
        "second)\n"
        "                                         to a device (default [])\n"
        "      --disable-content-trust            Skip image verification "
        "(default\n"
        "                                         true)\n"
        "      --dns list                         Set custom DNS servers\n"
        "      --dns-option list                  Set DNS options\n"
        "      --dns-search list                  Set custom DNS search "
        "domains\n"
        "      --domainname string                Container NIS domain name\n"
        "      --entrypoint string                Overwrite the default "
        "ENTRYPOINT\n"
        "                                         of the image\n"
        "  -e, --env list                         Set environment variables\n"
        "      --env-file list                    Read in a file of "
        "environment\n"
        "                                         variables\n"
        "      --expose list                      Expose a port or a range "
        "of ports\n"
        "      --gpus gpu-request                 GPU devices to add to the\n"
        "                                         container ('all' to pass "
        "all GPUs)\n"
        "      --group-add list                   Add additional groups to "
        "join\n"
        "      --health-cmd string                Command to run to check "
        "health\n"
        "      --health-interval duration         Time between running the "
        "check\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-retries int               Consecutive failures "
        "needed to\n"
        "                                         report unhealthy\n"
        "      --health-start-interval duration   Time between running the "
        "check\n"
        "                                         during the start period\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-start-period duration     Start period for the "
        "container\n"
        "                                         to initialize before "
        "starting\n"
        "                                         health-retries countdown\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-timeout duration          Maximum time to allow one "
        "check\n"
        "                                         to run (ms|s|m|h) (default "
        "0s)\n"
        "      --help                             Print usage\n"
        "  -h, --hostname string                  Container host name\n"
        "      --init                             Run an init inside the "
        "container\n"
        "                                         that forwards signals and "
        "reaps\n"
        "                                         processes\n"
        "  -i, --interactive                      Keep STDIN open even if "
        "not attached\n"
        "      --io-maxbandwidth bytes            Maximum IO bandwidth limit "
        "for\n"
        "                                         the system drive (Windows "
        "only)\n"
        "      --io-maxiops uint                  Maximum IOps limit for "
        "the\n"
        "                                         system drive (Windows "
        "only)\n"
        "      --ip string                        IPv4 address (e.g., "
        "172.30.100.104)\n"
        "      --ip6 string                       IPv6 address (e.g., "
        "2001:db8::33)\n"
        "      --ipc string                       IPC mode to use\n"
        "      --isolation string                 Container isolation "
        "technology\n"
        "      --kernel-memory bytes              Kernel memory limit\n"
        "  -l, --label list                       Set meta data on a "
        "container\n"
        "      --label-file list                  Read in a line delimited "
        "file of\n"
        "                                         labels\n"
        "      --link list                        Add link to another "
        "container\n"
        "      --link-local-ip list               Container IPv4/IPv6 "
        "link-local\n"
        "                                         addresses\n"
        "      --log-driver string                Logging driver for the "
        "container\n"
        "      --log-opt list                     Log driver options\n"
        "      --mac-address string               Container MAC address "
        "(e.g.,\n"
        "                                         92:d0:c6:0a:29:33)\n"
        "  -m, --memory bytes                     Memory limit\n"
        "      --memory-reservation bytes         Memory soft limit\n"
        "      --memory-swap bytes                Swap limit equal to memory "
        "plus\n"
        "                                         swap: '-1' to enable "
        "unlimited swap\n"
        "      --memory-swappiness int            Tune container memory "
        "swappiness\n"
        "                                         (0 to 100) (default -1)\n"
        "      --mount mount                      Attach a filesystem mount "
        "to the\n"
        "                                         container\n"
        "      --name string                      Assign a name to the "
        "container\n"
        "      --network network                  Connect a container to a "
        "network\n"
        "      --network-alias list               Add network-scoped alias "
        "for the\n"
        "                                         container\n"
        "      --no-healthcheck                   Disable any "
        "container-specified\n"
        "                                         HEALTHCHECK\n"
        "      --oom-kill-disable                 Disable OOM Killer\n"
        "      --oom-score-adj int                Tune host's OOM "
        "preferences\n"
        "                                         (-1000 to 1000)\n"
        "      --pid string                       PID namespace to use\n"
        "      --pids-limit int                   Tune container pids limit "
        "(set\n"
        "                                         -1 for unlimited)\n"
        "      --platform string                  Set platform if server is\n"
        "                                         multi-platform capable\n"
        "      --privileged                       Give extended privileges "
        "to this\n"
        "                                         container\n"
        "  -p, --publish list                     Publish a container's "
        "port(s) to\n"
        "                                         the host\n"
        "  -P, --publish-all                      Publish all exposed ports "
        "to\n"
        "                                         random ports\n"
        "      --pull string                      Pull image before "
        "creating\n"
        '                                         ("always", "|missing", '
        '"never")\n'
        '                                         (default "missing")\n'
        "  -q, --quiet                            Suppress the pull output\n"
        "      --read-only                        Mount the container's "
        "root\n"
        "                                         filesystem as read only\n"
        "      --restart string                   Restart policy to apply "
        "when a\n"
        "                                         container exits (default "
        '"no")\n'
        "      --rm                               Automatically remove the\n"
        "                                         container and its "
        "associated\n"
        "                                         anonymous volumes when it "
        "exits\n"
        "      --runtime string                   Runtime to use for this "
        "container\n"
        "      --security-opt list                Security Options\n"
        "      --shm-size bytes                   Size of /dev/shm\n"
        "      --stop-signal string               Signal to stop the "
        "container\n"
        "      --stop-timeout int                 Timeout (in seconds) to "
        "stop a\n"
        "                                         container\n"
        "      --storage-opt list                 Storage driver options for "
        "the\n"
        "                                         container\n"
        "      --sysctl map                       Sysctl options (default "
        "map[])\n"
        "      --tmpfs list                       Mount a tmpfs directory\n"
        "  -t, --tty                              Allocate a pseudo-TTY\n"
        "      --ulimit ulimit                    Ulimit options (default "
        "[])\n"
        "      --use-api-socket                   Bind mount Docker API "
        "socket and\n"
        "                                         required auth\n"
        "  -u, --user string                      Username or UID (format:\n"
        "                                         <name|uid>[:<group|gid>])\n"
        "      --userns string                    User namespace to use\n"
        "      --uts string                       UTS namespace to use\n"
        "  -v, --volume list                      Bind mount a volume\n"
        "      --volume-driver string             Optional volume driver for "
        "the\n"
        "                                         container\n"
        "      --volumes-from list                Mount volumes from the "
        "specified\n"
        "                                         container(s)\n"
        "  -w, --workdir string                   Working directory inside "
        "the\n"
        "                                         container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container create' requires at least 1 argument"},
        "usage": "docker container create [OPTIONS] IMAGE [COMMAND] [ARG...]",
    },
    "container diff": {
        "flags": [],
        "help": "Usage:  docker container diff CONTAINER\n"
        "\n"
        "Inspect changes to files or directories on a container's filesystem\n"
        "\n"
        "Aliases:\n"
        "  docker container diff, docker diff\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker container diff' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container diff' requires 1 argument"},
        "usage": "docker container diff CONTAINER",
    },
    "container exec": {
        "flags": [
            {"desc": "Detached mode: run command in the background", "long": "detach", "short": "d", "type": "bool"},
            {
                "desc": "Override the key sequence for detaching a",
                "long": "detach-keys",
                "short": None,
                "type": "string",
            },
            {"desc": "Set environment variables", "long": "env", "short": "e", "type": "list"},
            {"desc": "Read in a file of environment variables", "long": "env-file", "short": None, "type": "list"},
            {"desc": "Keep STDIN open even if not attached", "long": "interactive", "short": "i", "type": "bool"},
            {"desc": "Give extended privileges to the command", "long": "privileged", "short": None, "type": "bool"},
            {"desc": "Allocate a pseudo-TTY", "long": "tty", "short": "t", "type": "bool"},
            {"desc": "Username or UID (format:", "long": "user", "short": "u", "type": "string"},
            {"desc": "Working directory inside the container", "long": "workdir", "short": "w", "type": "string"},
        ],
        "help": "Usage:  docker container exec [OPTIONS] CONTAINER COMMAND [ARG...]\n"
        "\n"
        "Execute a command in a running container\n"
        "\n"
        "Aliases:\n"
        "  docker container exec, docker exec\n"
        "\n"
        "Options:\n"
        "  -d, --detach               Detached mode: run command in the "
        "background\n"
        "      --detach-keys string   Override the key sequence for detaching "
        "a\n"
        "                             container\n"
        "  -e, --env list             Set environment variables\n"
        "      --env-file list        Read in a file of environment variables\n"
        "  -i, --interactive          Keep STDIN open even if not attached\n"
        "      --privileged           Give extended privileges to the command\n"
        "  -t, --tty                  Allocate a pseudo-TTY\n"
        "  -u, --user string          Username or UID (format:\n"
        '                             "<name|uid>[:<group|gid>]")\n'
        "  -w, --workdir string       Working directory inside the container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container exec' requires at least 2 arguments"},
        "usage": "docker container exec [OPTIONS] CONTAINER COMMAND [ARG...]",
    },
    "container inspect": {
        "flags": [
            {"desc": "Format output using a custom template:", "long": "format", "short": "f", "type": "string"},
            {"desc": "Display total file sizes", "long": "size", "short": "s", "type": "bool"},
        ],
        "help": "Usage:  docker container inspect [OPTIONS] CONTAINER "
        "[CONTAINER...]\n"
        "\n"
        "Display detailed information on one or more containers\n"
        "\n"
        "Options:\n"
        "  -f, --format string   Format output using a custom template:\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the "
        "given\n"
        "                        Go template.\n"
        "                        Refer to "
        "https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting "
        "output with\n"
        "                        templates\n"
        "  -s, --size            Display total file sizes\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container inspect' requires at least 1 argument"},
        "usage": "docker container inspect [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "container kill": {
        "flags": [{"desc": "Signal to send to the container", "long": "signal", "short": "s", "type": "string"}],
        "help": "Usage:  docker container kill [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Kill one or more running containers\n"
        "\n"
        "Aliases:\n"
        "  docker container kill, docker kill\n"
        "\n"
        "Options:\n"
        "  -s, --signal string   Signal to send to the container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container kill' requires at least 1 argument"},
        "usage": "docker container kill [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "container list": {
        "flags": [
            {"desc": "Show all containers (default shows just running)", "long": "all", "short": "a", "type": "bool"},
            {"desc": "Filter output based on conditions provided", "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Show n last created containers (includes all", "long": "last", "short": "n", "type": "int"},
            {"desc": "Show the latest created container (includes all", "long": "latest", "short": "l", "type": "bool"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {"desc": "Only display container IDs", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Display total file sizes", "long": "size", "short": "s", "type": "bool"},
        ],
        "help": "Usage:  docker container ls [OPTIONS]\n"
        "\n"
        "List containers\n"
        "\n"
        "Aliases:\n"
        "  docker container ls, docker container list, docker container ps, "
        "docker ps\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all containers (default shows just "
        "running)\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table "
        "format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table "
        "format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the "
        "given\n"
        "                        Go template.\n"
        "                        Refer to "
        "https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output "
        "with\n"
        "                        templates\n"
        "  -n, --last int        Show n last created containers (includes all\n"
        "                        states) (default -1)\n"
        "  -l, --latest          Show the latest created container (includes "
        "all\n"
        "                        states)\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only display container IDs\n"
        "  -s, --size            Display total file sizes\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container ls' accepts no arguments"},
        "usage": "docker container ls [OPTIONS]",
    },
    "container logs": {
        "flags": [
            {"desc": "Show extra details provided to logs", "long": "details", "short": None, "type": "bool"},
            {"desc": "Follow log output", "long": "follow", "short": "f", "type": "bool"},
            {"desc": "Show logs since timestamp (e.g.", "long": "since", "short": None, "type": "string"},
            {
                "desc": "Number of lines to show from the end of the logs",
                "long": "tail",
                "short": "n",
                "type": "string",
            },
            {"desc": "Show timestamps", "long": "timestamps", "short": "t", "type": "bool"},
            {"desc": "Show logs before a timestamp (e.g.", "long": "until", "short": None, "type": "string"},
        ],
        "help": "Usage:  docker container logs [OPTIONS] CONTAINER\n"
        "\n"
        "Fetch the logs of a container\n"
        "\n"
        "Aliases:\n"
        "  docker container logs, docker logs\n"
        "\n"
        "Options:\n"
        "      --details        Show extra details provided to logs\n"
        "  -f, --follow         Follow log output\n"
        "      --since string   Show logs since timestamp (e.g.\n"
        '                       "2013-01-02T13:23:37Z") or relative (e.g. '
        '"42m"\n'
        "                       for 42 minutes)\n"
        "  -n, --tail string    Number of lines to show from the end of the "
        "logs\n"
        '                       (default "all")\n'
        "  -t, --timestamps     Show timestamps\n"
        "      --until string   Show logs before a timestamp (e.g.\n"
        '                       "2013-01-02T13:23:37Z") or relative (e.g. '
        '"42m"\n'
        "                       for 42 minutes)\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker container logs' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container logs' requires 1 argument"},
        "usage": "docker container logs [OPTIONS] CONTAINER",
    },
    "container ls": {
        "flags": [
            {"desc": "Show all containers (default shows just running)", "long": "all", "short": "a", "type": "bool"},
            {"desc": "Filter output based on conditions provided", "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Show n last created containers (includes all", "long": "last", "short": "n", "type": "int"},
            {"desc": "Show the latest created container (includes all", "long": "latest", "short": "l", "type": "bool"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {"desc": "Only display container IDs", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Display total file sizes", "long": "size", "short": "s", "type": "bool"},
        ],
        "help": "Usage:  docker container ls [OPTIONS]\n"
        "\n"
        "List containers\n"
        "\n"
        "Aliases:\n"
        "  docker container ls, docker container list, docker container ps, "
        "docker ps\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all containers (default shows just "
        "running)\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table "
        "format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table "
        "format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the "
        "given\n"
        "                        Go template.\n"
        "                        Refer to "
        "https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output "
        "with\n"
        "                        templates\n"
        "  -n, --last int        Show n last created containers (includes all\n"
        "                        states) (default -1)\n"
        "  -l, --latest          Show the latest created container (includes "
        "all\n"
        "                        states)\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only display container IDs\n"
        "  -s, --size            Display total file sizes\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container ls' accepts no arguments"},
        "usage": "docker container ls [OPTIONS]",
    },
    "container port": {
        "flags": [],
        "help": "Usage:  docker container port CONTAINER [PRIVATE_PORT[/PROTO]]\n"
        "\n"
        "List port mappings or a specific mapping for the container\n"
        "\n"
        "Aliases:\n"
        "  docker container port, docker port\n",
        "too_few": {
            "rc": 1,
            "tail": "Run",
            "text": "'docker container port' requires at least 1 and at most 2 arguments",
        },
        "too_many": {
            "rc": 1,
            "tail": "Run",
            "text": "'docker container port' requires at least 1 and at most 2 arguments",
        },
        "usage": "docker container port CONTAINER [PRIVATE_PORT[/PROTO]]",
    },
    "container prune": {
        "flags": [
            {
                "desc": 'Provide filter values (e.g. "until=<timestamp>")',
                "long": "filter",
                "short": None,
                "type": "filter",
            },
            {"desc": "Do not prompt for confirmation", "long": "force", "short": "f", "type": "bool"},
        ],
        "help": "Usage:  docker container prune [OPTIONS]\n"
        "\n"
        "Remove all stopped containers\n"
        "\n"
        "Options:\n"
        "      --filter filter   Provide filter values (e.g. "
        '"until=<timestamp>")\n'
        "  -f, --force           Do not prompt for confirmation\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container prune' accepts no arguments"},
        "usage": "docker container prune [OPTIONS]",
    },
    "container ps": {
        "flags": [
            {"desc": "Show all containers (default shows just running)", "long": "all", "short": "a", "type": "bool"},
            {"desc": "Filter output based on conditions provided", "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Show n last created containers (includes all", "long": "last", "short": "n", "type": "int"},
            {"desc": "Show the latest created container (includes all", "long": "latest", "short": "l", "type": "bool"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {"desc": "Only display container IDs", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Display total file sizes", "long": "size", "short": "s", "type": "bool"},
        ],
        "help": "Usage:  docker container ls [OPTIONS]\n"
        "\n"
        "List containers\n"
        "\n"
        "Aliases:\n"
        "  docker container ls, docker container list, docker container ps, "
        "docker ps\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all containers (default shows just "
        "running)\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table "
        "format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table "
        "format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the "
        "given\n"
        "                        Go template.\n"
        "                        Refer to "
        "https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output "
        "with\n"
        "                        templates\n"
        "  -n, --last int        Show n last created containers (includes all\n"
        "                        states) (default -1)\n"
        "  -l, --latest          Show the latest created container (includes "
        "all\n"
        "                        states)\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only display container IDs\n"
        "  -s, --size            Display total file sizes\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container ls' accepts no arguments"},
        "usage": "docker container ls [OPTIONS]",
    },
    "container remove": {
        "flags": [
            {
                "desc": "Force the removal of a running container (uses SIGKILL)",
                "long": "force",
                "short": "f",
                "type": "bool",
            },
            {"desc": "Remove the specified link", "long": "link", "short": "l", "type": "bool"},
            {
                "desc": "Remove anonymous volumes associated with the container",
                "long": "volumes",
                "short": "v",
                "type": "bool",
            },
        ],
        "help": "Usage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Remove one or more containers\n"
        "\n"
        "Aliases:\n"
        "  docker container rm, docker container remove, docker rm\n"
        "\n"
        "Options:\n"
        "  -f, --force     Force the removal of a running container (uses "
        "SIGKILL)\n"
        "  -l, --link      Remove the specified link\n"
        "  -v, --volumes   Remove anonymous volumes associated with the "
        "container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container rm' requires at least 1 argument"},
        "usage": "docker container rm [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "container rename": {
        "flags": [],
        "help": "Usage:  docker container rename CONTAINER NEW_NAME\n"
        "\n"
        "Rename a container\n"
        "\n"
        "Aliases:\n"
        "  docker container rename, docker rename\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker container rename' requires 2 arguments"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker container rename' requires 2 arguments"},
        "usage": "docker container rename CONTAINER NEW_NAME",
    },
    "container restart": {
        "flags": [
            {"desc": "Signal to send to the container", "long": "signal", "short": "s", "type": "string"},
            {"desc": "Seconds to wait before killing the container", "long": "timeout", "short": "t", "type": "int"},
        ],
        "help": "Usage:  docker container restart [OPTIONS] CONTAINER "
        "[CONTAINER...]\n"
        "\n"
        "Restart one or more containers\n"
        "\n"
        "Aliases:\n"
        "  docker container restart, docker restart\n"
        "\n"
        "Options:\n"
        "  -s, --signal string   Signal to send to the container\n"
        "  -t, --timeout int     Seconds to wait before killing the "
        "container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container restart' requires at least 1 argument"},
        "usage": "docker container restart [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "container rm": {
        "flags": [
            {
                "desc": "Force the removal of a running container (uses SIGKILL)",
                "long": "force",
                "short": "f",
                "type": "bool",
            },
            {"desc": "Remove the specified link", "long": "link", "short": "l", "type": "bool"},
            {
                "desc": "Remove anonymous volumes associated with the container",
                "long": "volumes",
                "short": "v",
                "type": "bool",
            },
        ],
        "help": "Usage:  docker container rm [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Remove one or more containers\n"
        "\n"
        "Aliases:\n"
        "  docker container rm, docker container remove, docker rm\n"
        "\n"
        "Options:\n"
        "  -f, --force     Force the removal of a running container (uses "
        "SIGKILL)\n"
        "  -l, --link      Remove the specified link\n"
        "  -v, --volumes   Remove anonymous volumes associated with the "
        "container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container rm' requires at least 1 argument"},
        "usage": "docker container rm [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "container run": {
        "flags": [
            {"desc": "Add a custom host-to-IP mapping", "long": "add-host", "short": None, "type": "list"},
            {"desc": "Add an annotation to the", "long": "annotation", "short": None, "type": "map"},
            {"desc": "Attach to STDIN, STDOUT or STDERR", "long": "attach", "short": "a", "type": "list"},
            {"desc": "Block IO (relative weight),", "long": "blkio-weight", "short": None, "type": "uint16"},
            {"desc": "Block IO weight (relative device", "long": "blkio-weight-device", "short": None, "type": "list"},
            {"desc": "Add Linux capabilities", "long": "cap-add", "short": None, "type": "list"},
            {"desc": "Drop Linux capabilities", "long": "cap-drop", "short": None, "type": "list"},
            {"desc": "Optional parent cgroup for the", "long": "cgroup-parent", "short": None, "type": "string"},
            {"desc": "Cgroup namespace to use", "long": "cgroupns", "short": None, "type": "string"},
            {"desc": "Write the container ID to the file", "long": "cidfile", "short": None, "type": "string"},
            {"desc": "CPU count (Windows only)", "long": "cpu-count", "short": None, "type": "int"},
            {"desc": "CPU percent (Windows only)", "long": "cpu-percent", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-period", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-quota", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time period in", "long": "cpu-rt-period", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time runtime in", "long": "cpu-rt-runtime", "short": None, "type": "int"},
            {"desc": "CPU shares (relative weight)", "long": "cpu-shares", "short": "c", "type": "int"},
            {"desc": "Number of CPUs", "long": "cpus", "short": None, "type": "decimal"},
            {"desc": "CPUs in which to allow execution", "long": "cpuset-cpus", "short": None, "type": "string"},
            {"desc": "MEMs in which to allow execution", "long": "cpuset-mems", "short": None, "type": "string"},
            {"desc": "Run container in background and", "long": "detach", "short": "d", "type": "bool"},
            {"desc": "Override the key sequence for", "long": "detach-keys", "short": None, "type": "string"},
            {"desc": "Add a host device to the container", "long": "device", "short": None, "type": "list"},
            {"desc": "Add a rule to the cgroup allowed", "long": "device-cgroup-rule", "short": None, "type": "list"},
            {"desc": "Limit read rate (bytes per", "long": "device-read-bps", "short": None, "type": "list"},
            {"desc": "Limit read rate (IO per second)", "long": "device-read-iops", "short": None, "type": "list"},
            {"desc": "Limit write rate (bytes per", "long": "device-write-bps", "short": None, "type": "list"},
            {"desc": "Limit write rate (IO per second)", "long": "device-write-iops", "short": None, "type": "list"},
            {
                "desc": "Skip image verification (default",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Set custom DNS servers", "long": "dns", "short": None, "type": "list"},
            {"desc": "Set DNS options", "long": "dns-option", "short": None, "type": "list"},
            {"desc": "Set custom DNS search domains", "long": "dns-search", "short": None, "type": "list"},
            {"desc": "Container NIS domain name", "long": "domainname", "short": None, "type": "string"},
            {"desc": "Overwrite the default ENTRYPOINT", "long": "entrypoint", "short": None, "type": "string"},
            {"desc": "Set environment variables", "long": "env", "short": "e", "type": "list"},
            {"desc": "Read in a file of environment", "long": "env-file", "short": None, "type": "list"},
            {"desc": "Expose a port or a range of ports", "long": "expose", "short": None, "type": "list"},
            {
                "desc": "GPU devices to add to the container ('all' to pass all GPUs)",
                "long": "gpus",
                "short": None,
                "type": "gpu-request",
            },
            {"desc": "Add additional groups to join", "long": "group-add", "short": None, "type": "list"},
            {"desc": "Command to run to check health", "long": "health-cmd", "short": None, "type": "string"},
            {"desc": "Time between running the check", "long": "health-interval", "short": None, "type": "duration"},
            {"desc": "Consecutive failures needed to", "long": "health-retries", "short": None, "type": "int"},
            {
                "desc": "Time between running the check",
                "long": "health-start-interval",
                "short": None,
                "type": "duration",
            },
            {
                "desc": "Start period for the container",
                "long": "health-start-period",
                "short": None,
                "type": "duration",
            },
            {"desc": "Maximum time to allow one check", "long": "health-timeout", "short": None, "type": "duration"},
            {"desc": "Print usage", "long": "help", "short": None, "type": "bool"},
            {"desc": "Container host name", "long": "hostname", "short": "h", "type": "string"},
            {"desc": "Run an init inside the container", "long": "init", "short": None, "type": "bool"},
            {"desc": "Keep STDIN open even if not attached", "long": "interactive", "short": "i", "type": "bool"},
            {"desc": "Maximum IO bandwidth limit for", "long": "io-maxbandwidth", "short": None, "type": "bytes"},
            {"desc": "Maximum IOps limit for the", "long": "io-maxiops", "short": None, "type": "uint"},
            {"desc": "IPv4 address (e.g., 172.30.100.104)", "long": "ip", "short": None, "type": "string"},
            {"desc": "IPv6 address (e.g., 2001:db8::33)", "long": "ip6", "short": None, "type": "string"},
            {"desc": "IPC mode to use", "long": "ipc", "short": None, "type": "string"},
            {"desc": "Container isolation technology", "long": "isolation", "short": None, "type": "string"},
            {"desc": "Kernel memory limit", "long": "kernel-memory", "short": None, "type": "bytes"},
            {"desc": "Set meta data on a container", "long": "label", "short": "l", "type": "list"},
            {"desc": "Read in a line delimited file of", "long": "label-file", "short": None, "type": "list"},
            {"desc": "Add link to another container", "long": "link", "short": None, "type": "list"},
            {"desc": "Container IPv4/IPv6 link-local", "long": "link-local-ip", "short": None, "type": "list"},
            {"desc": "Logging driver for the container", "long": "log-driver", "short": None, "type": "string"},
            {"desc": "Log driver options", "long": "log-opt", "short": None, "type": "list"},
            {"desc": "Container MAC address (e.g.,", "long": "mac-address", "short": None, "type": "string"},
            {"desc": "Memory limit", "long": "memory", "short": "m", "type": "bytes"},
            {"desc": "Memory soft limit", "long": "memory-reservation", "short": None, "type": "bytes"},
            {"desc": "Swap limit equal to memory plus", "long": "memory-swap", "short": None, "type": "bytes"},
            {"desc": "Tune container memory swappiness", "long": "memory-swappiness", "short": None, "type": "int"},
            {"desc": "Attach a filesystem mount to the", "long": "mount", "short": None, "type": "mount"},
            {"desc": "Assign a name to the container", "long": "name", "short": None, "type": "string"},
            {"desc": "Connect a container to a network", "long": "network", "short": None, "type": "network"},
            {"desc": "Add network-scoped alias for the", "long": "network-alias", "short": None, "type": "list"},
            {"desc": "Disable any container-specified", "long": "no-healthcheck", "short": None, "type": "bool"},
            {"desc": "Disable OOM Killer", "long": "oom-kill-disable", "short": None, "type": "bool"},
            {"desc": "Tune host's OOM preferences", "long": "oom-score-adj", "short": None, "type": "int"},
            {"desc": "PID namespace to use", "long": "pid", "short": None, "type": "string"},
            {"desc": "Tune container pids limit (set", "long": "pids-limit", "short": None, "type": "int"},
            {"desc": "Set platform if server is", "long": "platform", "short": None, "type": "string"},
            {"desc": "Give extended privileges to this", "long": "privileged", "short": None, "type": "bool"},
            {"desc": "Publish a container's port(s) to", "long": "publish", "short": "p", "type": "list"},
            {"desc": "Publish all exposed ports to", "long": "publish-all", "short": "P", "type": "bool"},
            {"desc": "Pull image before running", "long": "pull", "short": None, "type": "string"},
            {"desc": "Suppress the pull output", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Mount the container's root", "long": "read-only", "short": None, "type": "bool"},
            {"desc": "Restart policy to apply when a", "long": "restart", "short": None, "type": "string"},
            {"desc": "Automatically remove the", "long": "rm", "short": None, "type": "bool"},
            {"desc": "Runtime to use for this container", "long": "runtime", "short": None, "type": "string"},
            {"desc": "Security Options", "long": "security-opt", "short": None, "type": "list"},
            {"desc": "Size of /dev/shm", "long": "shm-size", "short": None, "type": "bytes"},
            {"desc": "Proxy received signals to the", "long": "sig-proxy", "short": None, "type": "bool"},
            {"desc": "Signal to stop the container", "long": "stop-signal", "short": None, "type": "string"},
            {"desc": "Timeout (in seconds) to stop a", "long": "stop-timeout", "short": None, "type": "int"},
            {"desc": "Storage driver options for the", "long": "storage-opt", "short": None, "type": "list"},
            {"desc": "Sysctl options (default map[])", "long": "sysctl", "short": None, "type": "map"},
            {"desc": "Mount a tmpfs directory", "long": "tmpfs", "short": None, "type": "list"},
            {"desc": "Allocate a pseudo-TTY", "long": "tty", "short": "t", "type": "bool"},
            {"desc": "Ulimit options (default [])", "long": "ulimit", "short": None, "type": "ulimit"},
            {"desc": "Bind mount Docker API socket and", "long": "use-api-socket", "short": None, "type": "bool"},
            {"desc": "Username or UID (format:", "long": "user", "short": "u", "type": "string"},
            {"desc": "User namespace to use", "long": "userns", "short": None, "type": "string"},
            {"desc": "UTS namespace to use", "long": "uts", "short": None, "type": "string"},
            {"desc": "Bind mount a volume", "long": "volume", "short": "v", "type": "list"},
            {"desc": "Optional volume driver for the", "long": "volume-driver", "short": None, "type": "string"},
            {"desc": "Mount volumes from the specified", "long": "volumes-from", "short": None, "type": "list"},
            {"desc": "Working directory inside the", "long": "workdir", "short": "w", "type": "string"},
        ],
        "help": "Usage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]\n"
        "\n"
        "Create and run a new container from an image\n"
        "\n"
        "Aliases:\n"
        "  docker container run, docker run\n"
        "\n"
        "Options:\n"
        "      --add-host list                    Add a custom host-to-IP "
        "mapping\n"
        "                                         (host:ip)\n"
        "      --annotation map                   Add an annotation to the\n"
        "                                         container (passed through to "
        "the\n"
        "                                         OCI runtime) (default map[])\n"
        "  -a, --attach list                      Attach to STDIN, STDOUT or "
        "STDERR\n"
        "      --blkio-weight uint16              Block IO (relative weight),\n"
        "                                         between 10 and 1000, or 0 to\n"
        "                                         disable (default 0)\n"
        "      --blkio-weight-device list         Block IO weight (relative "
        "device\n"
        "                                         weight) (default [])\n"
        "      --cap-add list                     Add Linux capabilities\n"
        "      --cap-drop list                    Drop Linux capabilities\n"
        "      --cgroup-parent string             Optional parent cgroup for "
        "the\n"
        "                                         container\n"
        "      --cgroupns string                  Cgroup namespace to use\n"
        "                                         (host|private)\n"
        "                                         'host':    Run the container "
        "in\n"
        "                                         the Docker host's cgroup\n"
        "                                         namespace\n"
        "                                         'private': Run the container "
        "in\n"
        "                                         its own private cgroup "
        "namespace\n"
        "                                         '':        Use the cgroup\n"
        "                                         namespace as configured by "
        "the\n"
        "                                                    "
        "default-cgroupns-mode\n"
        "                                         option on the daemon "
        "(default)\n"
        "      --cidfile string                   Write the container ID to the "
        "file\n"
        "      --cpu-count int                    CPU count (Windows only)\n"
        "      --cpu-percent int                  CPU percent (Windows only)\n"
        "      --cpu-period int                   Limit CPU CFS (Completely "
        "Fair\n"
        "                                         Scheduler) period\n"
        "      --cpu-quota int                    Limit CPU CFS (Completely "
        "Fair\n"
        "                                         Scheduler) quota\n"
        "      --cpu-rt-period int                Limit CPU real-time period "
        "in\n"
        "                                         microseconds\n"
        "      --cpu-rt-runtime int               Limit CPU real-time runtime "
        "in\n"
        "                                         microseconds\n"
        "  -c, --cpu-shares int                   CPU shares (relative weight)\n"
        "      --cpus decimal                     Number of CPUs\n"
        "      --cpuset-cpus string               CPUs in which to allow "
        "execution\n"
        "                                         (0-3, 0,1)\n"
        "      --cpuset-mems string               MEMs in which to allow "
        "execution\n"
        "                                         (0-3, 0,1)\n"
        "  -d, --detach                           Run container in background "
        "and\n"
        "                                         print container ID\n"
        "      --detach-keys string               Override the key sequence "
        "for\n"
        "                                         detaching a container\n"
        "      --device list                      Add a host device to the "
        "container\n"
        "      --device-cgroup-rule list          Add a rule to the cgroup "
        "allowed\n"
        "                                         devices list\n"
        "      --device-read-bps list             Limit read rate (bytes per\n"
        "                                         second) from a device "
        "(default [])\n"
        "      --device-read-iops list            Limit read rate (IO per "
        "second)\n"
        "                                         from a device (default [])\n"
        "      --device-write-bps list            Limit write rate (bytes per\n"
        "                                         second) to a device (default "
        "[])\n"
        "      --device-write-iops list           Limit write rate (IO per "
        "second)\n"
        "                                         to a device (default [])\n"
        "      --disable-content-trust            Skip image verification "
        "(default\n"
        "                                         true)\n"
        "      --dns list                         Set custom DNS servers\n"
        "      --dns-option list                  Set DNS options\n"
        "      --dns-search list                  Set custom DNS search "
        "domains\n"
        "      --domainname string                Container NIS domain name\n"
        "      --entrypoint string                Overwrite the default "
        "ENTRYPOINT\n"
        "                                         of the image\n"
        "  -e, --env list                         Set environment variables\n"
        "      --env-file list                    Read in a file of "
        "environment\n"
        "                                         variables\n"
        "      --expose list                      Expose a port or a range of "
        "ports\n"
        "      --gpus gpu-request                 GPU devices to add to the\n"
        "                                         container ('all' to pass all "
        "GPUs)\n"
        "      --group-add list                   Add additional groups to "
        "join\n"
        "      --health-cmd string                Command to run to check "
        "health\n"
        "      --health-interval duration         Time between running the "
        "check\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-retries int               Consecutive failures needed "
        "to\n"
        "                                         report unhealthy\n"
        "      --health-start-interval duration   Time between running the "
        "check\n"
        "                                         during the start period\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-start-period duration     Start period for the "
        "container\n"
        "                                         to initialize before "
        "starting\n"
        "                                         health-retries countdown\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-timeout duration          Maximum time to allow one "
        "check\n"
        "                                         to run (ms|s|m|h) (default "
        "0s)\n"
        "      --help                             Print usage\n"
        "  -h, --hostname string                  Container host name\n"
        "      --init                             Run an init inside the "
        "container\n"
        "                                         that forwards signals and "
        "reaps\n"
        "                                         processes\n"
        "  -i, --interactive                      Keep STDIN open even if not "
        "attached\n"
        "      --io-maxbandwidth bytes            Maximum IO bandwidth limit "
        "for\n"
        "                                         the system drive (Windows "
        "only)\n"
        "      --io-maxiops uint                  Maximum IOps limit for the\n"
        "                                         system drive (Windows only)\n"
        "      --ip string                        IPv4 address (e.g., "
        "172.30.100.104)\n"
        "      --ip6 string                       IPv6 address (e.g., "
        "2001:db8::33)\n"
        "      --ipc string                       IPC mode to use\n"
        "      --isolation string                 Container isolation "
        "technology\n"
        "      --kernel-memory bytes              Kernel memory limit\n"
        "  -l, --label list                       Set meta data on a container\n"
        "      --label-file list                  Read in a line delimited file "
        "of\n"
        "                                         labels\n"
        "      --link list                        Add link to another "
        "container\n"
        "      --link-local-ip list               Container IPv4/IPv6 "
        "link-local\n"
        "                                         addresses\n"
        "      --log-driver string                Logging driver for the "
        "container\n"
        "      --log-opt list                     Log driver options\n"
        "      --mac-address string               Container MAC address (e.g.,\n"
        "                                         92:d0:c6:0a:29:33)\n"
        "  -m, --memory bytes                     Memory limit\n"
        "      --memory-reservation bytes         Memory soft limit\n"
        "      --memory-swap bytes                Swap limit equal to memory "
        "plus\n"
        "                                         swap: '-1' to enable "
        "unlimited swap\n"
        "      --memory-swappiness int            Tune container memory "
        "swappiness\n"
        "                                         (0 to 100) (default -1)\n"
        "      --mount mount                      Attach a filesystem mount to "
        "the\n"
        "                                         container\n"
        "      --name string                      Assign a name to the "
        "container\n"
        "      --network network                  Connect a container to a "
        "network\n"
        "      --network-alias list               Add network-scoped alias for "
        "the\n"
        "                                         container\n"
        "      --no-healthcheck                   Disable any "
        "container-specified\n"
        "                                         HEALTHCHECK\n"
        "      --oom-kill-disable                 Disable OOM Killer\n"
        "      --oom-score-adj int                Tune host's OOM preferences\n"
        "                                         (-1000 to 1000)\n"
        "      --pid string                       PID namespace to use\n"
        "      --pids-limit int                   Tune container pids limit "
        "(set\n"
        "                                         -1 for unlimited)\n"
        "      --platform string                  Set platform if server is\n"
        "                                         multi-platform capable\n"
        "      --privileged                       Give extended privileges to "
        "this\n"
        "                                         container\n"
        "  -p, --publish list                     Publish a container's port(s) "
        "to\n"
        "                                         the host\n"
        "  -P, --publish-all                      Publish all exposed ports to\n"
        "                                         random ports\n"
        "      --pull string                      Pull image before running\n"
        '                                         ("always", "missing", '
        '"never")\n'
        '                                         (default "missing")\n'
        "  -q, --quiet                            Suppress the pull output\n"
        "      --read-only                        Mount the container's root\n"
        "                                         filesystem as read only\n"
        "      --restart string                   Restart policy to apply when "
        "a\n"
        "                                         container exits (default "
        '"no")\n'
        "      --rm                               Automatically remove the\n"
        "                                         container and its associated\n"
        "                                         anonymous volumes when it "
        "exits\n"
        "      --runtime string                   Runtime to use for this "
        "container\n"
        "      --security-opt list                Security Options\n"
        "      --shm-size bytes                   Size of /dev/shm\n"
        "      --sig-proxy                        Proxy received signals to "
        "the\n"
        "                                         process (default true)\n"
        "      --stop-signal string               Signal to stop the container\n"
        "      --stop-timeout int                 Timeout (in seconds) to stop "
        "a\n"
        "                                         container\n"
        "      --storage-opt list                 Storage driver options for "
        "the\n"
        "                                         container\n"
        "      --sysctl map                       Sysctl options (default "
        "map[])\n"
        "      --tmpfs list                       Mount a tmpfs directory\n"
        "  -t, --tty                              Allocate a pseudo-TTY\n"
        "      --ulimit ulimit                    Ulimit options (default [])\n"
        "      --use-api-socket                   Bind mount Docker API socket "
        "and\n"
        "                                         required auth\n"
        "  -u, --user string                      Username or UID (format:\n"
        "                                         <name|uid>[:<group|gid>])\n"
        "      --userns string                    User namespace to use\n"
        "      --uts string                       UTS namespace to use\n"
        "  -v, --volume list                      Bind mount a volume\n"
        "      --volume-driver string             Optional volume driver for "
        "the\n"
        "                                         container\n"
        "      --volumes-from list                Mount volumes from the "
        "specified\n"
        "                                         container(s)\n"
        "  -w, --workdir string                   Working directory inside the\n"
        "                                         container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container run' requires at least 1 argument"},
        "usage": "docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]",
    },
    "container start": {
        "flags": [
            {"desc": "Attach STDOUT/STDERR and forward signals", "long": "attach", "short": "a", "type": "bool"},
            {"desc": "Restore from this checkpoint", "long": "checkpoint", "short": None, "type": "string"},
            {
                "desc": "Use a custom checkpoint storage directory",
                "long": "checkpoint-dir",
                "short": None,
                "type": "string",
            },
            {
                "desc": "Override the key sequence for detaching a",
                "long": "detach-keys",
                "short": None,
                "type": "string",
            },
            {"desc": "Attach container's STDIN", "long": "interactive", "short": "i", "type": "bool"},
        ],
        "help": "Usage:  docker container start [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Start one or more stopped containers\n"
        "\n"
        "Aliases:\n"
        "  docker container start, docker start\n"
        "\n"
        "Options:\n"
        "  -a, --attach                  Attach STDOUT/STDERR and forward "
        "signals\n"
        "      --checkpoint string       Restore from this checkpoint\n"
        "      --checkpoint-dir string   Use a custom checkpoint storage "
        "directory\n"
        "      --detach-keys string      Override the key sequence for "
        "detaching a\n"
        "                                container\n"
        "  -i, --interactive             Attach container's STDIN\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container start' requires at least 1 argument"},
        "usage": "docker container start [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "container stop": {
        "flags": [
            {"desc": "Signal to send to the container", "long": "signal", "short": "s", "type": "string"},
            {"desc": "Seconds to wait before killing the container", "long": "timeout", "short": "t", "type": "int"},
        ],
        "help": "Usage:  docker container stop [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Stop one or more running containers\n"
        "\n"
        "Aliases:\n"
        "  docker container stop, docker stop\n"
        "\n"
        "Options:\n"
        "  -s, --signal string   Signal to send to the container\n"
        "  -t, --timeout int     Seconds to wait before killing the "
        "container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker container stop' requires at least 1 argument"},
        "usage": "docker container stop [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "cp": {
        "flags": [
            {"desc": "Archive mode (copy all uid/gid information)", "long": "archive", "short": "a", "type": "bool"},
            {"desc": "Always follow symbol link in SRC_PATH", "long": "follow-link", "short": "L", "type": "bool"},
            {"desc": "Suppress progress output during copy. Progress", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n"
        "\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n"
        "\n"
        "Copy files/folders between a container and the local filesystem\n"
        "\n"
        "Use '-' as the source to read a tar archive from stdin\n"
        "and extract it to a directory destination in a container.\n"
        "Use '-' as the destination to stream a tar archive of a\n"
        "container source to stdout.\n"
        "\n"
        "Aliases:\n"
        "  docker container cp, docker cp\n"
        "\n"
        "Options:\n"
        "  -a, --archive       Archive mode (copy all uid/gid information)\n"
        "  -L, --follow-link   Always follow symbol link in SRC_PATH\n"
        "  -q, --quiet         Suppress progress output during copy. Progress\n"
        "                      output is automatically suppressed if no terminal\n"
        "                      is attached\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker cp' requires 2 arguments"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker cp' requires 2 arguments"},
        "usage": "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-",
    },
    "create": {
        "flags": [
            {"desc": "Add a custom host-to-IP mapping", "long": "add-host", "short": None, "type": "list"},
            {"desc": "Add an annotation to the", "long": "annotation", "short": None, "type": "map"},
            {"desc": "Attach to STDIN, STDOUT or STDERR", "long": "attach", "short": "a", "type": "list"},
            {"desc": "Block IO (relative weight),", "long": "blkio-weight", "short": None, "type": "uint16"},
            {"desc": "Block IO weight (relative device", "long": "blkio-weight-device", "short": None, "type": "list"},
            {"desc": "Add Linux capabilities", "long": "cap-add", "short": None, "type": "list"},
            {"desc": "Drop Linux capabilities", "long": "cap-drop", "short": None, "type": "list"},
            {"desc": "Optional parent cgroup for the", "long": "cgroup-parent", "short": None, "type": "string"},
            {"desc": "Cgroup namespace to use", "long": "cgroupns", "short": None, "type": "string"},
            {"desc": "Write the container ID to the file", "long": "cidfile", "short": None, "type": "string"},
            {"desc": "CPU count (Windows only)", "long": "cpu-count", "short": None, "type": "int"},
            {"desc": "CPU percent (Windows only)", "long": "cpu-percent", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-period", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-quota", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time period in", "long": "cpu-rt-period", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time runtime in", "long": "cpu-rt-runtime", "short": None, "type": "int"},
            {"desc": "CPU shares (relative weight)", "long": "cpu-shares", "short": "c", "type": "int"},
            {"desc": "Number of CPUs", "long": "cpus", "short": None, "type": "decimal"},
            {"desc": "CPUs in which to allow execution", "long": "cpuset-cpus", "short": None, "type": "string"},
            {"desc": "MEMs in which to allow execution", "long": "cpuset-mems", "short": None, "type": "string"},
            {"desc": "Add a host device to the container", "long": "device", "short": None, "type": "list"},
            {"desc": "Add a rule to the cgroup allowed", "long": "device-cgroup-rule", "short": None, "type": "list"},
            {"desc": "Limit read rate (bytes per", "long": "device-read-bps", "short": None, "type": "list"},
            {"desc": "Limit read rate (IO per second)", "long": "device-read-iops", "short": None, "type": "list"},
            {"desc": "Limit write rate (bytes per", "long": "device-write-bps", "short": None, "type": "list"},
            {"desc": "Limit write rate (IO per second)", "long": "device-write-iops", "short": None, "type": "list"},
            {
                "desc": "Skip image verification (default",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Set custom DNS servers", "long": "dns", "short": None, "type": "list"},
            {"desc": "Set DNS options", "long": "dns-option", "short": None, "type": "list"},
            {"desc": "Set custom DNS search domains", "long": "dns-search", "short": None, "type": "list"},
            {"desc": "Container NIS domain name", "long": "domainname", "short": None, "type": "string"},
            {"desc": "Overwrite the default ENTRYPOINT", "long": "entrypoint", "short": None, "type": "string"},
            {"desc": "Set environment variables", "long": "env", "short": "e", "type": "list"},
            {"desc": "Read in a file of environment", "long": "env-file", "short": None, "type": "list"},
            {"desc": "Expose a port or a range of ports", "long": "expose", "short": None, "type": "list"},
            {
                "desc": "GPU devices to add to the container ('all' to pass all GPUs)",
                "long": "gpus",
                "short": None,
                "type": "gpu-request",
            },
            {"desc": "Add additional groups to join", "long": "group-add", "short": None, "type": "list"},
            {"desc": "Command to run to check health", "long": "health-cmd", "short": None, "type": "string"},
            {"desc": "Time between running the check", "long": "health-interval", "short": None, "type": "duration"},
            {"desc": "Consecutive failures needed to", "long": "health-retries", "short": None, "type": "int"},
            {
                "desc": "Time between running the check",
                "long": "health-start-interval",
                "short": None,
                "type": "duration",
            },
            {
                "desc": "Start period for the container",
                "long": "health-start-period",
                "short": None,
                "type": "duration",
            },
            {"desc": "Maximum time to allow one check", "long": "health-timeout", "short": None, "type": "duration"},
            {"desc": "Print usage", "long": "help", "short": None, "type": "bool"},
            {"desc": "Container host name", "long": "hostname", "short": "h", "type": "string"},
            {"desc": "Run an init inside the container", "long": "init", "short": None, "type": "bool"},
            {"desc": "Keep STDIN open even if not attached", "long": "interactive", "short": "i", "type": "bool"},
            {"desc": "Maximum IO bandwidth limit for", "long": "io-maxbandwidth", "short": None, "type": "bytes"},
            {"desc": "Maximum IOps limit for the", "long": "io-maxiops", "short": None, "type": "uint"},
            {"desc": "IPv4 address (e.g., 172.30.100.104)", "long": "ip", "short": None, "type": "string"},
            {"desc": "IPv6 address (e.g., 2001:db8::33)", "long": "ip6", "short": None, "type": "string"},
            {"desc": "IPC mode to use", "long": "ipc", "short": None, "type": "string"},
            {"desc": "Container isolation technology", "long": "isolation", "short": None, "type": "string"},
            {"desc": "Kernel memory limit", "long": "kernel-memory", "short": None, "type": "bytes"},
            {"desc": "Set meta data on a container", "long": "label", "short": "l", "type": "list"},
            {"desc": "Read in a line delimited file of", "long": "label-file", "short": None, "type": "list"},
            {"desc": "Add link to another container", "long": "link", "short": None, "type": "list"},
            {"desc": "Container IPv4/IPv6 link-local", "long": "link-local-ip", "short": None, "type": "list"},
            {"desc": "Logging driver for the container", "long": "log-driver", "short": None, "type": "string"},
            {"desc": "Log driver options", "long": "log-opt", "short": None, "type": "list"},
            {"desc": "Container MAC address (e.g.,", "long": "mac-address", "short": None, "type": "string"},
            {"desc": "Memory limit", "long": "memory", "short": "m", "type": "bytes"},
            {"desc": "Memory soft limit", "long": "memory-reservation", "short": None, "type": "bytes"},
            {"desc": "Swap limit equal to memory plus", "long": "memory-swap", "short": None, "type": "bytes"},
            {"desc": "Tune container memory swappiness", "long": "memory-swappiness", "short": None, "type": "int"},
            {"desc": "Attach a filesystem mount to the", "long": "mount", "short": None, "type": "mount"},
            {"desc": "Assign a name to the container", "long": "name", "short": None, "type": "string"},
            {"desc": "Connect a container to a network", "long": "network", "short": None, "type": "network"},
            {"desc": "Add network-scoped alias for the", "long": "network-alias", "short": None, "type": "list"},
            {"desc": "Disable any container-specified", "long": "no-healthcheck", "short": None, "type": "bool"},
            {"desc": "Disable OOM Killer", "long": "oom-kill-disable", "short": None, "type": "bool"},
            {"desc": "Tune host's OOM preferences", "long": "oom-score-adj", "short": None, "type": "int"},
            {"desc": "PID namespace to use", "long": "pid", "short": None, "type": "string"},
            {"desc": "Tune container pids limit (set", "long": "pids-limit", "short": None, "type": "int"},
            {"desc": "Set platform if server is", "long": "platform", "short": None, "type": "string"},
            {"desc": "Give extended privileges to this", "long": "privileged", "short": None, "type": "bool"},
            {"desc": "Publish a container's port(s) to", "long": "publish", "short": "p", "type": "list"},
            {"desc": "Publish all exposed ports to", "long": "publish-all", "short": "P", "type": "bool"},
            {"desc": "Pull image before creating", "long": "pull", "short": None, "type": "string"},
            {"desc": "Suppress the pull output", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Mount the container's root", "long": "read-only", "short": None, "type": "bool"},
            {"desc": "Restart policy to apply when a", "long": "restart", "short": None, "type": "string"},
            {"desc": "Automatically remove the", "long": "rm", "short": None, "type": "bool"},
            {"desc": "Runtime to use for this container", "long": "runtime", "short": None, "type": "string"},
            {"desc": "Security Options", "long": "security-opt", "short": None, "type": "list"},
            {"desc": "Size of /dev/shm", "long": "shm-size", "short": None, "type": "bytes"},
            {"desc": "Signal to stop the container", "long": "stop-signal", "short": None, "type": "string"},
            {"desc": "Timeout (in seconds) to stop a", "long": "stop-timeout", "short": None, "type": "int"},
            {"desc": "Storage driver options for the", "long": "storage-opt", "short": None, "type": "list"},
            {"desc": "Sysctl options (default map[])", "long": "sysctl", "short": None, "type": "map"},
            {"desc": "Mount a tmpfs directory", "long": "tmpfs", "short": None, "type": "list"},
            {"desc": "Allocate a pseudo-TTY", "long": "tty", "short": "t", "type": "bool"},
            {"desc": "Ulimit options (default [])", "long": "ulimit", "short": None, "type": "ulimit"},
            {"desc": "Bind mount Docker API socket and", "long": "use-api-socket", "short": None, "type": "bool"},
            {"desc": "Username or UID (format:", "long": "user", "short": "u", "type": "string"},
            {"desc": "User namespace to use", "long": "userns", "short": None, "type": "string"},
            {"desc": "UTS namespace to use", "long": "uts", "short": None, "type": "string"},
            {"desc": "Bind mount a volume", "long": "volume", "short": "v", "type": "list"},
            {"desc": "Optional volume driver for the", "long": "volume-driver", "short": None, "type": "string"},
            {"desc": "Mount volumes from the specified", "long": "volumes-from", "short": None, "type": "list"},
            {"desc": "Working directory inside the", "long": "workdir", "short": "w", "type": "string"},
        ],
        "help": "Usage:  docker create [OPTIONS] IMAGE [COMMAND] [ARG...]\n"
        "\n"
        "Create a new container\n"
        "\n"
        "Aliases:\n"
        "  docker container create, docker create\n"
        "\n"
        "Options:\n"
        "      --add-host list                    Add a custom host-to-IP mapping\n"
        "                                         (host:ip)\n"
        "      --annotation map                   Add an annotation to the\n"
        "                                         container (passed through to the\n"
        "                                         OCI runtime) (default map[])\n"
        "  -a, --attach list                      Attach to STDIN, STDOUT or STDERR\n"
        "      --blkio-weight uint16              Block IO (relative weight),\n"
        "                                         between 10 and 1000, or 0 to\n"
        "                                         disable (default 0)\n"
        "      --blkio-weight-device list         Block IO weight (relative device\n"
        "                                         weight) (default [])\n"
        "      --cap-add list                     Add Linux capabilities\n"
        "      --cap-drop list                    Drop Linux capabilities\n"
        "      --cgroup-parent string             Optional parent cgroup for the\n"
        "                                         container\n"
        "      --cgroupns string                  Cgroup namespace to use\n"
        "                                         (host|private)\n"
        "                                         'host':    Run the container in\n"
        "                                         the Docker host's cgroup\n"
        "                                         namespace\n"
        "                                         'private': Run the container in\n"
        "                                         its own private cgroup namespace\n"
        "                                         '':        Use the cgroup\n"
        "                                         namespace as configured by the\n"
        "                                                    default-cgroupns-mode\n"
        "                                         option on the daemon (default)\n"
        "      --cidfile string                   Write the container ID to the file\n"
        "      --cpu-count int                    CPU count (Windows only)\n"
        "      --cpu-percent int                  CPU percent (Windows only)\n"
        "      --cpu-period int                   Limit CPU CFS (Completely Fair\n"
        "                                         Scheduler) period\n"
        "      --cpu-quota int                    Limit CPU CFS (Completely Fair\n"
        "                                         Scheduler) quota\n"
        "      --cpu-rt-period int                Limit CPU real-time period in\n"
        "                                         microseconds\n"
        "      --cpu-rt-runtime int               Limit CPU real-time runtime in\n"
        "                                         microseconds\n"
        "  -c, --cpu-shares int                   CPU shares (relative weight)\n"
        "      --cpus decimal                     Number of CPUs\n"
        "      --cpuset-cpus string               CPUs in which to allow execution\n"
        "                                         (0-3, 0,1)\n"
        "      --cpuset-mems string               MEMs in which to allow execution\n"
        "                                         (0-3, 0,1)\n"
        "      --device list                      Add a host device to the container\n"
        "      --device-cgroup-rule list          Add a rule to the cgroup allowed\n"
        "                                         devices list\n"
        "      --device-read-bps list             Limit read rate (bytes per\n"
        "                                         second) from a device (default [])\n"
        "      --device-read-iops list            Limit read rate (IO per second)\n"
        "                                         from a device (default [])\n"
        "      --device-write-bps list            Limit write rate (bytes per\n"
        "                                         second) to a device (default [])\n"
        "      --device-write-iops list           Limit write rate (IO per second)\n"
        "                                         to a device (default [])\n"
        "      --disable-content-trust            Skip image verification (default\n"
        "                                         true)\n"
        "      --dns list                         Set custom DNS servers\n"
        "      --dns-option list                  Set DNS options\n"
        "      --dns-search list                  Set custom DNS search domains\n"
        "      --domainname string                Container NIS domain name\n"
        "      --entrypoint string                Overwrite the default ENTRYPOINT\n"
        "                                         of the image\n"
        "  -e, --env list                         Set environment variables\n"
        "      --env-file list                    Read in a file of environment\n"
        "                                         variables\n"
        "      --expose list                      Expose a port or a range of ports\n"
        "      --gpus gpu-request                 GPU devices to add to the\n"
        "                                         container ('all' to pass all GPUs)\n"
        "      --group-add list                   Add additional groups to join\n"
        "      --health-cmd string                Command to run to check health\n"
        "      --health-interval duration         Time between running the check\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-retries int               Consecutive failures needed to\n"
        "                                         report unhealthy\n"
        "      --health-start-interval duration   Time between running the check\n"
        "                                         during the start period\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-start-period duration     Start period for the container\n"
        "                                         to initialize before starting\n"
        "                                         health-retries countdown\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-timeout duration          Maximum time to allow one check\n"
        "                                         to run (ms|s|m|h) (default 0s)\n"
        "      --help                             Print usage\n"
        "  -h, --hostname string                  Container host name\n"
        "      --init                             Run an init inside the container\n"
        "                                         that forwards signals and reaps\n"
        "                                         processes\n"
        "  -i, --interactive                      Keep STDIN open even if not "
        "attached\n"
        "      --io-maxbandwidth bytes            Maximum IO bandwidth limit for\n"
        "                                         the system drive (Windows only)\n"
        "      --io-maxiops uint                  Maximum IOps limit for the\n"
        "                                         system drive (Windows only)\n"
        "      --ip string                        IPv4 address (e.g., 172.30.100.104)\n"
        "      --ip6 string                       IPv6 address (e.g., 2001:db8::33)\n"
        "      --ipc string                       IPC mode to use\n"
        "      --isolation string                 Container isolation technology\n"
        "      --kernel-memory bytes              Kernel memory limit\n"
        "  -l, --label list                       Set meta data on a container\n"
        "      --label-file list                  Read in a line delimited file of\n"
        "                                         labels\n"
        "      --link list                        Add link to another container\n"
        "      --link-local-ip list               Container IPv4/IPv6 link-local\n"
        "                                         addresses\n"
        "      --log-driver string                Logging driver for the container\n"
        "      --log-opt list                     Log driver options\n"
        "      --mac-address string               Container MAC address (e.g.,\n"
        "                                         92:d0:c6:0a:29:33)\n"
        "  -m, --memory bytes                     Memory limit\n"
        "      --memory-reservation bytes         Memory soft limit\n"
        "      --memory-swap bytes                Swap limit equal to memory plus\n"
        "                                         swap: '-1' to enable unlimited swap\n"
        "      --memory-swappiness int            Tune container memory swappiness\n"
        "                                         (0 to 100) (default -1)\n"
        "      --mount mount                      Attach a filesystem mount to the\n"
        "                                         container\n"
        "      --name string                      Assign a name to the container\n"
        "      --network network                  Connect a container to a network\n"
        "      --network-alias list               Add network-scoped alias for the\n"
        "                                         container\n"
        "      --no-healthcheck                   Disable any container-specified\n"
        "                                         HEALTHCHECK\n"
        "      --oom-kill-disable                 Disable OOM Killer\n"
        "      --oom-score-adj int                Tune host's OOM preferences\n"
        "                                         (-1000 to 1000)\n"
        "      --pid string                       PID namespace to use\n"
        "      --pids-limit int                   Tune container pids limit (set\n"
        "                                         -1 for unlimited)\n"
        "      --platform string                  Set platform if server is\n"
        "                                         multi-platform capable\n"
        "      --privileged                       Give extended privileges to this\n"
        "                                         container\n"
        "  -p, --publish list                     Publish a container's port(s) to\n"
        "                                         the host\n"
        "  -P, --publish-all                      Publish all exposed ports to\n"
        "                                         random ports\n"
        "      --pull string                      Pull image before creating\n"
        '                                         ("always", "|missing", "never")\n'
        '                                         (default "missing")\n'
        "  -q, --quiet                            Suppress the pull output\n"
        "      --read-only                        Mount the container's root\n"
        "                                         filesystem as read only\n"
        "      --restart string                   Restart policy to apply when a\n"
        '                                         container exits (default "no")\n'
        "      --rm                               Automatically remove the\n"
        "                                         container and its associated\n"
        "                                         anonymous volumes when it exits\n"
        "      --runtime string                   Runtime to use for this container\n"
        "      --security-opt list                Security Options\n"
        "      --shm-size bytes                   Size of /dev/shm\n"
        "      --stop-signal string               Signal to stop the container\n"
        "      --stop-timeout int                 Timeout (in seconds) to stop a\n"
        "                                         container\n"
        "      --storage-opt list                 Storage driver options for the\n"
        "                                         container\n"
        "      --sysctl map                       Sysctl options (default map[])\n"
        "      --tmpfs list                       Mount a tmpfs directory\n"
        "  -t, --tty                              Allocate a pseudo-TTY\n"
        "      --ulimit ulimit                    Ulimit options (default [])\n"
        "      --use-api-socket                   Bind mount Docker API socket and\n"
        "                                         required auth\n"
        "  -u, --user string                      Username or UID (format:\n"
        "                                         <name|uid>[:<group|gid>])\n"
        "      --userns string                    User namespace to use\n"
        "      --uts string                       UTS namespace to use\n"
        "  -v, --volume list                      Bind mount a volume\n"
        "      --volume-driver string             Optional volume driver for the\n"
        "                                         container\n"
        "      --volumes-from list                Mount volumes from the specified\n"
        "                                         container(s)\n"
        "  -w, --workdir string                   Working directory inside the\n"
        "                                         container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker create' requires at least 1 argument"},
        "usage": "docker create [OPTIONS] IMAGE [COMMAND] [ARG...]",
    },
    "diff": {
        "flags": [],
        "help": "Usage:  docker diff CONTAINER\n"
        "\n"
        "Inspect changes to files or directories on a container's filesystem\n"
        "\n"
        "Aliases:\n"
        "  docker container diff, docker diff\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker diff' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker diff' requires 1 argument"},
        "usage": "docker diff CONTAINER",
    },
    "exec": {
        "flags": [
            {"desc": "Detached mode: run command in the background", "long": "detach", "short": "d", "type": "bool"},
            {
                "desc": "Override the key sequence for detaching a",
                "long": "detach-keys",
                "short": None,
                "type": "string",
            },
            {"desc": "Set environment variables", "long": "env", "short": "e", "type": "list"},
            {"desc": "Read in a file of environment variables", "long": "env-file", "short": None, "type": "list"},
            {"desc": "Keep STDIN open even if not attached", "long": "interactive", "short": "i", "type": "bool"},
            {"desc": "Give extended privileges to the command", "long": "privileged", "short": None, "type": "bool"},
            {"desc": "Allocate a pseudo-TTY", "long": "tty", "short": "t", "type": "bool"},
            {"desc": "Username or UID (format:", "long": "user", "short": "u", "type": "string"},
            {"desc": "Working directory inside the container", "long": "workdir", "short": "w", "type": "string"},
        ],
        "help": "Usage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n"
        "\n"
        "Execute a command in a running container\n"
        "\n"
        "Aliases:\n"
        "  docker container exec, docker exec\n"
        "\n"
        "Options:\n"
        "  -d, --detach               Detached mode: run command in the background\n"
        "      --detach-keys string   Override the key sequence for detaching a\n"
        "                             container\n"
        "  -e, --env list             Set environment variables\n"
        "      --env-file list        Read in a file of environment variables\n"
        "  -i, --interactive          Keep STDIN open even if not attached\n"
        "      --privileged           Give extended privileges to the command\n"
        "  -t, --tty                  Allocate a pseudo-TTY\n"
        "  -u, --user string          Username or UID (format:\n"
        '                             "<name|uid>[:<group|gid>]")\n'
        "  -w, --workdir string       Working directory inside the container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker exec' requires at least 2 arguments"},
        "usage": "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]",
    },
    "history": {
        "flags": [
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Print sizes and dates in human readable format", "long": "human", "short": "H", "type": "bool"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {
                "desc": "Show history for the given platform. Formatted",
                "long": "platform",
                "short": None,
                "type": "string",
            },
            {"desc": "Only show image IDs", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker history [OPTIONS] IMAGE\n"
        "\n"
        "Show the history of an image\n"
        "\n"
        "Aliases:\n"
        "  docker image history, docker history\n"
        "\n"
        "Options:\n"
        "      --format string     Format output using a custom template:\n"
        "                          'table':            Print output in table\n"
        "                          format with column headers (default)\n"
        "                          'table TEMPLATE':   Print output in table\n"
        "                          format using the given Go template\n"
        "                          'json':             Print in JSON format\n"
        "                          'TEMPLATE':         Print output using the\n"
        "                          given Go template.\n"
        "                          Refer to https://docs.docker.com/go/formatting/\n"
        "                          for more information about formatting output\n"
        "                          with templates\n"
        "  -H, --human             Print sizes and dates in human readable format\n"
        "                          (default true)\n"
        "      --no-trunc          Don't truncate output\n"
        "      --platform string   Show history for the given platform. Formatted\n"
        '                          as "os[/arch[/variant]]" (e.g., "linux/amd64")\n'
        "  -q, --quiet             Only show image IDs\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker history' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker history' requires 1 argument"},
        "usage": "docker history [OPTIONS] IMAGE",
    },
    "image build": {
        "flags": [
            {"desc": 'Add a custom host-to-IP mapping ("host:ip")', "long": "add-host", "short": None, "type": "list"},
            {"desc": "Set build-time variables", "long": "build-arg", "short": None, "type": "list"},
            {"desc": "Images to consider as cache sources", "long": "cache-from", "short": None, "type": "strings"},
            {"desc": 'Set the parent cgroup for the "RUN"', "long": "cgroup-parent", "short": None, "type": "string"},
            {"desc": "Compress the build context using gzip", "long": "compress", "short": None, "type": "bool"},
            {"desc": "Limit the CPU CFS (Completely Fair", "long": "cpu-period", "short": None, "type": "int"},
            {"desc": "Limit the CPU CFS (Completely Fair", "long": "cpu-quota", "short": None, "type": "int"},
            {"desc": "CPU shares (relative weight)", "long": "cpu-shares", "short": "c", "type": "int"},
            {
                "desc": "CPUs in which to allow execution (0-3, 0,1)",
                "long": "cpuset-cpus",
                "short": None,
                "type": "string",
            },
            {
                "desc": "MEMs in which to allow execution (0-3, 0,1)",
                "long": "cpuset-mems",
                "short": None,
                "type": "string",
            },
            {
                "desc": "Skip image verification (default true)",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Name of the Dockerfile (Default is", "long": "file", "short": "f", "type": "string"},
            {"desc": "Always remove intermediate containers", "long": "force-rm", "short": None, "type": "bool"},
            {"desc": "Write the image ID to the file", "long": "iidfile", "short": None, "type": "string"},
            {"desc": "Container isolation technology", "long": "isolation", "short": None, "type": "string"},
            {"desc": "Set metadata for an image", "long": "label", "short": None, "type": "list"},
            {"desc": "Memory limit", "long": "memory", "short": "m", "type": "bytes"},
            {"desc": "Swap limit equal to memory plus swap: -1", "long": "memory-swap", "short": None, "type": "bytes"},
            {"desc": "Set the networking mode for the RUN", "long": "network", "short": None, "type": "string"},
            {"desc": "Do not use cache when building the image", "long": "no-cache", "short": None, "type": "bool"},
            {"desc": "Set platform if server is multi-platform", "long": "platform", "short": None, "type": "string"},
            {"desc": "Always attempt to pull a newer version of", "long": "pull", "short": None, "type": "bool"},
            {"desc": "Suppress the build output and print image", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Remove intermediate containers after a", "long": "rm", "short": None, "type": "bool"},
            {"desc": "Security options", "long": "security-opt", "short": None, "type": "strings"},
            {"desc": 'Size of "/dev/shm"', "long": "shm-size", "short": None, "type": "bytes"},
            {"desc": "Squash newly built layers into a single", "long": "squash", "short": None, "type": "bool"},
            {"desc": "Name and optionally a tag in the", "long": "tag", "short": "t", "type": "list"},
            {"desc": "Set the target build stage to build.", "long": "target", "short": None, "type": "string"},
            {"desc": "Ulimit options (default [])", "long": "ulimit", "short": None, "type": "ulimit"},
        ],
        "help": "Usage:  docker image build [OPTIONS] PATH | URL | -\n"
        "\n"
        "Build an image from a Dockerfile\n"
        "\n"
        "Aliases:\n"
        "  docker image build, docker build, docker builder build\n"
        "\n"
        "Options:\n"
        "      --add-host list           Add a custom host-to-IP mapping "
        '("host:ip")\n'
        "      --build-arg list          Set build-time variables\n"
        "      --cache-from strings      Images to consider as cache sources\n"
        '      --cgroup-parent string    Set the parent cgroup for the "RUN"\n'
        "                                instructions during build\n"
        "      --compress                Compress the build context using gzip\n"
        "      --cpu-period int          Limit the CPU CFS (Completely Fair\n"
        "                                Scheduler) period\n"
        "      --cpu-quota int           Limit the CPU CFS (Completely Fair\n"
        "                                Scheduler) quota\n"
        "  -c, --cpu-shares int          CPU shares (relative weight)\n"
        "      --cpuset-cpus string      CPUs in which to allow execution (0-3, "
        "0,1)\n"
        "      --cpuset-mems string      MEMs in which to allow execution (0-3, "
        "0,1)\n"
        "      --disable-content-trust   Skip image verification (default true)\n"
        "  -f, --file string             Name of the Dockerfile (Default is\n"
        '                                "PATH/Dockerfile")\n'
        "      --force-rm                Always remove intermediate containers\n"
        "      --iidfile string          Write the image ID to the file\n"
        "      --isolation string        Container isolation technology\n"
        "      --label list              Set metadata for an image\n"
        "  -m, --memory bytes            Memory limit\n"
        "      --memory-swap bytes       Swap limit equal to memory plus swap: "
        "-1\n"
        "                                to enable unlimited swap\n"
        "      --network string          Set the networking mode for the RUN\n"
        "                                instructions during build (default "
        '"default")\n'
        "      --no-cache                Do not use cache when building the "
        "image\n"
        "      --platform string         Set platform if server is "
        "multi-platform\n"
        "                                capable\n"
        "      --pull                    Always attempt to pull a newer version "
        "of\n"
        "                                the image\n"
        "  -q, --quiet                   Suppress the build output and print "
        "image\n"
        "                                ID on success\n"
        "      --rm                      Remove intermediate containers after a\n"
        "                                successful build (default true)\n"
        "      --security-opt strings    Security options\n"
        '      --shm-size bytes          Size of "/dev/shm"\n'
        "      --squash                  Squash newly built layers into a single\n"
        "                                new layer\n"
        "  -t, --tag list                Name and optionally a tag in the\n"
        '                                "name:tag" format\n'
        "      --target string           Set the target build stage to build.\n"
        "      --ulimit ulimit           Ulimit options (default [])\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker image build' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker image build' requires 1 argument"},
        "usage": "docker image build [OPTIONS] PATH | URL | -",
    },
    "image history": {
        "flags": [
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Print sizes and dates in human readable format", "long": "human", "short": "H", "type": "bool"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {
                "desc": "Show history for the given platform. Formatted",
                "long": "platform",
                "short": None,
                "type": "string",
            },
            {"desc": "Only show image IDs", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker image history [OPTIONS] IMAGE\n"
        "\n"
        "Show the history of an image\n"
        "\n"
        "Aliases:\n"
        "  docker image history, docker history\n"
        "\n"
        "Options:\n"
        "      --format string     Format output using a custom template:\n"
        "                          'table':            Print output in table\n"
        "                          format with column headers (default)\n"
        "                          'table TEMPLATE':   Print output in table\n"
        "                          format using the given Go template\n"
        "                          'json':             Print in JSON format\n"
        "                          'TEMPLATE':         Print output using the\n"
        "                          given Go template.\n"
        "                          Refer to "
        "https://docs.docker.com/go/formatting/\n"
        "                          for more information about formatting "
        "output\n"
        "                          with templates\n"
        "  -H, --human             Print sizes and dates in human readable "
        "format\n"
        "                          (default true)\n"
        "      --no-trunc          Don't truncate output\n"
        "      --platform string   Show history for the given platform. "
        "Formatted\n"
        '                          as "os[/arch[/variant]]" (e.g., '
        '"linux/amd64")\n'
        "  -q, --quiet             Only show image IDs\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker image history' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker image history' requires 1 argument"},
        "usage": "docker image history [OPTIONS] IMAGE",
    },
    "image inspect": {
        "flags": [
            {"desc": "Format output using a custom template:", "long": "format", "short": "f", "type": "string"},
            {"desc": "Inspect a specific platform of the", "long": "platform", "short": None, "type": "string"},
        ],
        "help": "Usage:  docker image inspect [OPTIONS] IMAGE [IMAGE...]\n"
        "\n"
        "Display detailed information on one or more images\n"
        "\n"
        "Options:\n"
        "  -f, --format string     Format output using a custom template:\n"
        "                          'json':             Print in JSON format\n"
        "                          'TEMPLATE':         Print output using the\n"
        "                          given Go template.\n"
        "                          Refer to "
        "https://docs.docker.com/go/formatting/\n"
        "                          for more information about formatting "
        "output\n"
        "                          with templates\n"
        "      --platform string   Inspect a specific platform of the\n"
        "                          multi-platform image.\n"
        "                          If the image or the server is not\n"
        "                          multi-platform capable, the command will "
        "error\n"
        "                          out if the platform does not match.\n"
        "                          'os[/arch[/variant]]': Explicit platform "
        "(eg.\n"
        "                          linux/amd64)\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker image inspect' requires at least 1 argument"},
        "usage": "docker image inspect [OPTIONS] IMAGE [IMAGE...]",
    },
    "image list": {
        "flags": [
            {
                "desc": "Show all images (default hides intermediate images)",
                "long": "all",
                "short": "a",
                "type": "bool",
            },
            {"desc": "Show digests", "long": "digests", "short": None, "type": "bool"},
            {"desc": "Filter output based on conditions provided", "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {"desc": "Only show image IDs", "long": "quiet", "short": "q", "type": "bool"},
            {
                "desc": "List multi-platform images as a tree (EXPERIMENTAL)",
                "long": "tree",
                "short": None,
                "type": "bool",
            },
        ],
        "help": "Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n"
        "\n"
        "List images\n"
        "\n"
        "Aliases:\n"
        "  docker image ls, docker image list, docker images\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all images (default hides intermediate "
        "images)\n"
        "      --digests         Show digests\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output "
        "with\n"
        "                        templates\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only show image IDs\n"
        "      --tree            List multi-platform images as a tree "
        "(EXPERIMENTAL)\n",
        "too_many": {"rc": 1, "tail": "SRun", "text": "'docker image ls' requires at most 1 argument"},
        "usage": "docker image ls [OPTIONS] [REPOSITORY[:TAG]]",
    },
    "image ls": {
        "flags": [
            {
                "desc": "Show all images (default hides intermediate images)",
                "long": "all",
                "short": "a",
                "type": "bool",
            },
            {"desc": "Show digests", "long": "digests", "short": None, "type": "bool"},
            {"desc": "Filter output based on conditions provided", "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {"desc": "Only show image IDs", "long": "quiet", "short": "q", "type": "bool"},
            {
                "desc": "List multi-platform images as a tree (EXPERIMENTAL)",
                "long": "tree",
                "short": None,
                "type": "bool",
            },
        ],
        "help": "Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n"
        "\n"
        "List images\n"
        "\n"
        "Aliases:\n"
        "  docker image ls, docker image list, docker images\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all images (default hides intermediate "
        "images)\n"
        "      --digests         Show digests\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output with\n"
        "                        templates\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only show image IDs\n"
        "      --tree            List multi-platform images as a tree "
        "(EXPERIMENTAL)\n",
        "too_many": {"rc": 1, "tail": "SRun", "text": "'docker image ls' requires at most 1 argument"},
        "usage": "docker image ls [OPTIONS] [REPOSITORY[:TAG]]",
    },
    "image prune": {
        "flags": [
            {"desc": "Remove all unused images, not just dangling ones", "long": "all", "short": "a", "type": "bool"},
            {
                "desc": 'Provide filter values (e.g. "until=<timestamp>")',
                "long": "filter",
                "short": None,
                "type": "filter",
            },
            {"desc": "Do not prompt for confirmation", "long": "force", "short": "f", "type": "bool"},
        ],
        "help": "Usage:  docker image prune [OPTIONS]\n"
        "\n"
        "Remove unused images\n"
        "\n"
        "Options:\n"
        "  -a, --all             Remove all unused images, not just dangling "
        "ones\n"
        "      --filter filter   Provide filter values (e.g. "
        '"until=<timestamp>")\n'
        "  -f, --force           Do not prompt for confirmation\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker image prune' accepts no arguments"},
        "usage": "docker image prune [OPTIONS]",
    },
    "image pull": {
        "flags": [
            {"desc": "Download all tagged images in the repository", "long": "all-tags", "short": "a", "type": "bool"},
            {
                "desc": "Skip image verification (default true)",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Set platform if server is multi-platform", "long": "platform", "short": None, "type": "string"},
            {"desc": "Suppress verbose output", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker image pull [OPTIONS] NAME[:TAG|@DIGEST]\n"
        "\n"
        "Download an image from a registry\n"
        "\n"
        "Aliases:\n"
        "  docker image pull, docker pull\n"
        "\n"
        "Options:\n"
        "  -a, --all-tags                Download all tagged images in the "
        "repository\n"
        "      --disable-content-trust   Skip image verification (default true)\n"
        "      --platform string         Set platform if server is multi-platform\n"
        "                                capable\n"
        "  -q, --quiet                   Suppress verbose output\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker image pull' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker image pull' requires 1 argument"},
        "usage": "docker image pull [OPTIONS] NAME[:TAG|@DIGEST]",
    },
    "image remove": {
        "flags": [
            {"desc": "Force removal of the image", "long": "force", "short": "f", "type": "bool"},
            {"desc": "Do not delete untagged parents", "long": "no-prune", "short": None, "type": "bool"},
            {"desc": "Remove only the given platform variant.", "long": "platform", "short": None, "type": "strings"},
        ],
        "help": "Usage:  docker image rm [OPTIONS] IMAGE [IMAGE...]\n"
        "\n"
        "Remove one or more images\n"
        "\n"
        "Aliases:\n"
        "  docker image rm, docker image remove, docker rmi\n"
        "\n"
        "Options:\n"
        "  -f, --force              Force removal of the image\n"
        "      --no-prune           Do not delete untagged parents\n"
        "      --platform strings   Remove only the given platform variant.\n"
        '                           Formatted as "os[/arch[/variant]]" (e.g.,\n'
        '                           "linux/amd64")\n',
        "too_few": {"rc": 1, "tail": "See", "text": "'docker image rm' requires at least 1 argument"},
        "usage": "docker image rm [OPTIONS] IMAGE [IMAGE...]",
    },
    "image rm": {
        "flags": [
            {"desc": "Force removal of the image", "long": "force", "short": "f", "type": "bool"},
            {"desc": "Do not delete untagged parents", "long": "no-prune", "short": None, "type": "bool"},
            {"desc": "Remove only the given platform variant.", "long": "platform", "short": None, "type": "strings"},
        ],
        "help": "Usage:  docker image rm [OPTIONS] IMAGE [IMAGE...]\n"
        "\n"
        "Remove one or more images\n"
        "\n"
        "Aliases:\n"
        "  docker image rm, docker image remove, docker rmi\n"
        "\n"
        "Options:\n"
        "  -f, --force              Force removal of the image\n"
        "      --no-prune           Do not delete untagged parents\n"
        "      --platform strings   Remove only the given platform variant.\n"
        '                           Formatted as "os[/arch[/variant]]" (e.g.,\n'
        '                           "linux/amd64")\n',
        "too_few": {"rc": 1, "tail": "See", "text": "'docker image rm' requires at least 1 argument"},
        "usage": "docker image rm [OPTIONS] IMAGE [IMAGE...]",
    },
    "image tag": {
        "flags": [],
        "help": "Usage:  docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n"
        "\n"
        "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n"
        "\n"
        "Aliases:\n"
        "  docker image tag, docker tag\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker image tag' requires 2 arguments"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker image tag' requires 2 arguments"},
        "usage": "docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
    },
    "images": {
        "flags": [
            {
                "desc": "Show all images (default hides intermediate images)",
                "long": "all",
                "short": "a",
                "type": "bool",
            },
            {"desc": "Show digests", "long": "digests", "short": None, "type": "bool"},
            {"desc": "Filter output based on conditions provided", "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {"desc": "Only show image IDs", "long": "quiet", "short": "q", "type": "bool"},
            {
                "desc": "List multi-platform images as a tree (EXPERIMENTAL)",
                "long": "tree",
                "short": None,
                "type": "bool",
            },
        ],
        "help": "Usage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n"
        "\n"
        "List images\n"
        "\n"
        "Aliases:\n"
        "  docker image ls, docker image list, docker images\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all images (default hides intermediate images)\n"
        "      --digests         Show digests\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output with\n"
        "                        templates\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only show image IDs\n"
        "      --tree            List multi-platform images as a tree (EXPERIMENTAL)\n",
        "too_many": {"rc": 1, "tail": "SRun", "text": "'docker images' requires at most 1 argument"},
        "usage": "docker images [OPTIONS] [REPOSITORY[:TAG]]",
    },
    "info": {
        "flags": [{"desc": "Format output using a custom template:", "long": "format", "short": "f", "type": "string"}],
        "help": "Usage:  docker info [OPTIONS]\n"
        "\n"
        "Display system-wide information\n"
        "\n"
        "Aliases:\n"
        "  docker system info, docker info\n"
        "\n"
        "Options:\n"
        "  -f, --format string   Format output using a custom template:\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output with\n"
        "                        templates\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker info' accepts no arguments"},
        "usage": "docker info [OPTIONS]",
    },
    "inspect": {
        "flags": [
            {"desc": "Format output using a custom template:", "long": "format", "short": "f", "type": "string"},
            {"desc": "Display total file sizes if the type is container", "long": "size", "short": "s", "type": "bool"},
            {"desc": "Only inspect objects of the given type", "long": "type", "short": None, "type": "string"},
        ],
        "help": "Usage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n"
        "\n"
        "Return low-level information on Docker objects\n"
        "\n"
        "Options:\n"
        "  -f, --format string   Format output using a custom template:\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output with\n"
        "                        templates\n"
        "  -s, --size            Display total file sizes if the type is container\n"
        "      --type string     Only inspect objects of the given type\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker inspect' requires at least 1 argument"},
        "usage": "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
    },
    "kill": {
        "flags": [{"desc": "Signal to send to the container", "long": "signal", "short": "s", "type": "string"}],
        "help": "Usage:  docker kill [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Kill one or more running containers\n"
        "\n"
        "Aliases:\n"
        "  docker container kill, docker kill\n"
        "\n"
        "Options:\n"
        "  -s, --signal string   Signal to send to the container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker kill' requires at least 1 argument"},
        "usage": "docker kill [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "logs": {
        "flags": [
            {"desc": "Show extra details provided to logs", "long": "details", "short": None, "type": "bool"},
            {"desc": "Follow log output", "long": "follow", "short": "f", "type": "bool"},
            {"desc": "Show logs since timestamp (e.g.", "long": "since", "short": None, "type": "string"},
            {
                "desc": "Number of lines to show from the end of the logs",
                "long": "tail",
                "short": "n",
                "type": "string",
            },
            {"desc": "Show timestamps", "long": "timestamps", "short": "t", "type": "bool"},
            {"desc": "Show logs before a timestamp (e.g.", "long": "until", "short": None, "type": "string"},
        ],
        "help": "Usage:  docker logs [OPTIONS] CONTAINER\n"
        "\n"
        "Fetch the logs of a container\n"
        "\n"
        "Aliases:\n"
        "  docker container logs, docker logs\n"
        "\n"
        "Options:\n"
        "      --details        Show extra details provided to logs\n"
        "  -f, --follow         Follow log output\n"
        "      --since string   Show logs since timestamp (e.g.\n"
        '                       "2013-01-02T13:23:37Z") or relative (e.g. "42m"\n'
        "                       for 42 minutes)\n"
        "  -n, --tail string    Number of lines to show from the end of the logs\n"
        '                       (default "all")\n'
        "  -t, --timestamps     Show timestamps\n"
        "      --until string   Show logs before a timestamp (e.g.\n"
        '                       "2013-01-02T13:23:37Z") or relative (e.g. "42m"\n'
        "                       for 42 minutes)\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker logs' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker logs' requires 1 argument"},
        "usage": "docker logs [OPTIONS] CONTAINER",
    },
    "port": {
        "flags": [],
        "help": "Usage:  docker port CONTAINER [PRIVATE_PORT[/PROTO]]\n"
        "\n"
        "List port mappings or a specific mapping for the container\n"
        "\n"
        "Aliases:\n"
        "  docker container port, docker port\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker port' requires at least 1 and at most 2 arguments"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker port' requires at least 1 and at most 2 arguments"},
        "usage": "docker port CONTAINER [PRIVATE_PORT[/PROTO]]",
    },
    "ps": {
        "flags": [
            {"desc": "Show all containers (default shows just running)", "long": "all", "short": "a", "type": "bool"},
            {"desc": "Filter output based on conditions provided", "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Show n last created containers (includes all", "long": "last", "short": "n", "type": "int"},
            {"desc": "Show the latest created container (includes all", "long": "latest", "short": "l", "type": "bool"},
            {"desc": "Don't truncate output", "long": "no-trunc", "short": None, "type": "bool"},
            {"desc": "Only display container IDs", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Display total file sizes", "long": "size", "short": "s", "type": "bool"},
        ],
        "help": "Usage:  docker ps [OPTIONS]\n"
        "\n"
        "List containers\n"
        "\n"
        "Aliases:\n"
        "  docker container ls, docker container list, docker container ps, docker ps\n"
        "\n"
        "Options:\n"
        "  -a, --all             Show all containers (default shows just running)\n"
        "  -f, --filter filter   Filter output based on conditions provided\n"
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output with\n"
        "                        templates\n"
        "  -n, --last int        Show n last created containers (includes all\n"
        "                        states) (default -1)\n"
        "  -l, --latest          Show the latest created container (includes all\n"
        "                        states)\n"
        "      --no-trunc        Don't truncate output\n"
        "  -q, --quiet           Only display container IDs\n"
        "  -s, --size            Display total file sizes\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker ps' accepts no arguments"},
        "usage": "docker ps [OPTIONS]",
    },
    "pull": {
        "flags": [
            {"desc": "Download all tagged images in the repository", "long": "all-tags", "short": "a", "type": "bool"},
            {
                "desc": "Skip image verification (default true)",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Set platform if server is multi-platform", "long": "platform", "short": None, "type": "string"},
            {"desc": "Suppress verbose output", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n"
        "\n"
        "Download an image from a registry\n"
        "\n"
        "Aliases:\n"
        "  docker image pull, docker pull\n"
        "\n"
        "Options:\n"
        "  -a, --all-tags                Download all tagged images in the repository\n"
        "      --disable-content-trust   Skip image verification (default true)\n"
        "      --platform string         Set platform if server is multi-platform\n"
        "                                capable\n"
        "  -q, --quiet                   Suppress verbose output\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker pull' requires 1 argument"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker pull' requires 1 argument"},
        "usage": "docker pull [OPTIONS] NAME[:TAG|@DIGEST]",
    },
    "rename": {
        "flags": [],
        "help": "Usage:  docker rename CONTAINER NEW_NAME\n"
        "\n"
        "Rename a container\n"
        "\n"
        "Aliases:\n"
        "  docker container rename, docker rename\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker rename' requires 2 arguments"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker rename' requires 2 arguments"},
        "usage": "docker rename CONTAINER NEW_NAME",
    },
    "restart": {
        "flags": [
            {"desc": "Signal to send to the container", "long": "signal", "short": "s", "type": "string"},
            {"desc": "Seconds to wait before killing the container", "long": "timeout", "short": "t", "type": "int"},
        ],
        "help": "Usage:  docker restart [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Restart one or more containers\n"
        "\n"
        "Aliases:\n"
        "  docker container restart, docker restart\n"
        "\n"
        "Options:\n"
        "  -s, --signal string   Signal to send to the container\n"
        "  -t, --timeout int     Seconds to wait before killing the container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker restart' requires at least 1 argument"},
        "usage": "docker restart [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "rm": {
        "flags": [
            {
                "desc": "Force the removal of a running container (uses SIGKILL)",
                "long": "force",
                "short": "f",
                "type": "bool",
            },
            {"desc": "Remove the specified link", "long": "link", "short": "l", "type": "bool"},
            {
                "desc": "Remove anonymous volumes associated with the container",
                "long": "volumes",
                "short": "v",
                "type": "bool",
            },
        ],
        "help": "Usage:  docker rm [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Remove one or more containers\n"
        "\n"
        "Aliases:\n"
        "  docker container rm, docker container remove, docker rm\n"
        "\n"
        "Options:\n"
        "  -f, --force     Force the removal of a running container (uses SIGKILL)\n"
        "  -l, --link      Remove the specified link\n"
        "  -v, --volumes   Remove anonymous volumes associated with the container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker rm' requires at least 1 argument"},
        "usage": "docker rm [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "rmi": {
        "flags": [
            {"desc": "Force removal of the image", "long": "force", "short": "f", "type": "bool"},
            {"desc": "Do not delete untagged parents", "long": "no-prune", "short": None, "type": "bool"},
            {"desc": "Remove only the given platform variant.", "long": "platform", "short": None, "type": "strings"},
        ],
        "help": "Usage:  docker rmi [OPTIONS] IMAGE [IMAGE...]\n"
        "\n"
        "Remove one or more images\n"
        "\n"
        "Aliases:\n"
        "  docker image rm, docker image remove, docker rmi\n"
        "\n"
        "Options:\n"
        "  -f, --force              Force removal of the image\n"
        "      --no-prune           Do not delete untagged parents\n"
        "      --platform strings   Remove only the given platform variant.\n"
        '                           Formatted as "os[/arch[/variant]]" (e.g.,\n'
        '                           "linux/amd64")\n',
        "too_few": {"rc": 1, "tail": "See", "text": "'docker rmi' requires at least 1 argument"},
        "usage": "docker rmi [OPTIONS] IMAGE [IMAGE...]",
    },
    "run": {
        "flags": [
            {"desc": "Add a custom host-to-IP mapping", "long": "add-host", "short": None, "type": "list"},
            {"desc": "Add an annotation to the", "long": "annotation", "short": None, "type": "map"},
            {"desc": "Attach to STDIN, STDOUT or STDERR", "long": "attach", "short": "a", "type": "list"},
            {"desc": "Block IO (relative weight),", "long": "blkio-weight", "short": None, "type": "uint16"},
            {"desc": "Block IO weight (relative device", "long": "blkio-weight-device", "short": None, "type": "list"},
            {"desc": "Add Linux capabilities", "long": "cap-add", "short": None, "type": "list"},
            {"desc": "Drop Linux capabilities", "long": "cap-drop", "short": None, "type": "list"},
            {"desc": "Optional parent cgroup for the", "long": "cgroup-parent", "short": None, "type": "string"},
            {"desc": "Cgroup namespace to use", "long": "cgroupns", "short": None, "type": "string"},
            {"desc": "Write the container ID to the file", "long": "cidfile", "short": None, "type": "string"},
            {"desc": "CPU count (Windows only)", "long": "cpu-count", "short": None, "type": "int"},
            {"desc": "CPU percent (Windows only)", "long": "cpu-percent", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-period", "short": None, "type": "int"},
            {"desc": "Limit CPU CFS (Completely Fair", "long": "cpu-quota", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time period in", "long": "cpu-rt-period", "short": None, "type": "int"},
            {"desc": "Limit CPU real-time runtime in", "long": "cpu-rt-runtime", "short": None, "type": "int"},
            {"desc": "CPU shares (relative weight)", "long": "cpu-shares", "short": "c", "type": "int"},
            {"desc": "Number of CPUs", "long": "cpus", "short": None, "type": "decimal"},
            {"desc": "CPUs in which to allow execution", "long": "cpuset-cpus", "short": None, "type": "string"},
            {"desc": "MEMs in which to allow execution", "long": "cpuset-mems", "short": None, "type": "string"},
            {"desc": "Run container in background and", "long": "detach", "short": "d", "type": "bool"},
            {"desc": "Override the key sequence for", "long": "detach-keys", "short": None, "type": "string"},
            {"desc": "Add a host device to the container", "long": "device", "short": None, "type": "list"},
            {"desc": "Add a rule to the cgroup allowed", "long": "device-cgroup-rule", "short": None, "type": "list"},
            {"desc": "Limit read rate (bytes per", "long": "device-read-bps", "short": None, "type": "list"},
            {"desc": "Limit read rate (IO per second)", "long": "device-read-iops", "short": None, "type": "list"},
            {"desc": "Limit write rate (bytes per", "long": "device-write-bps", "short": None, "type": "list"},
            {"desc": "Limit write rate (IO per second)", "long": "device-write-iops", "short": None, "type": "list"},
            {
                "desc": "Skip image verification (default",
                "long": "disable-content-trust",
                "short": None,
                "type": "bool",
            },
            {"desc": "Set custom DNS servers", "long": "dns", "short": None, "type": "list"},
            {"desc": "Set DNS options", "long": "dns-option", "short": None, "type": "list"},
            {"desc": "Set custom DNS search domains", "long": "dns-search", "short": None, "type": "list"},
            {"desc": "Container NIS domain name", "long": "domainname", "short": None, "type": "string"},
            {"desc": "Overwrite the default ENTRYPOINT", "long": "entrypoint", "short": None, "type": "string"},
            {"desc": "Set environment variables", "long": "env", "short": "e", "type": "list"},
            {"desc": "Read in a file of environment", "long": "env-file", "short": None, "type": "list"},
            {"desc": "Expose a port or a range of ports", "long": "expose", "short": None, "type": "list"},
            {
                "desc": "GPU devices to add to the container ('all' to pass all GPUs)",
                "long": "gpus",
                "short": None,
                "type": "gpu-request",
            },
            {"desc": "Add additional groups to join", "long": "group-add", "short": None, "type": "list"},
            {"desc": "Command to run to check health", "long": "health-cmd", "short": None, "type": "string"},
            {"desc": "Time between running the check", "long": "health-interval", "short": None, "type": "duration"},
            {"desc": "Consecutive failures needed to", "long": "health-retries", "short": None, "type": "int"},
            {
                "desc": "Time between running the check",
                "long": "health-start-interval",
                "short": None,
                "type": "duration",
            },
            {
                "desc": "Start period for the container",
                "long": "health-start-period",
                "short": None,
                "type": "duration",
            },
            {"desc": "Maximum time to allow one check", "long": "health-timeout", "short": None, "type": "duration"},
            {"desc": "Print usage", "long": "help", "short": None, "type": "bool"},
            {"desc": "Container host name", "long": "hostname", "short": "h", "type": "string"},
            {"desc": "Run an init inside the container", "long": "init", "short": None, "type": "bool"},
            {"desc": "Keep STDIN open even if not attached", "long": "interactive", "short": "i", "type": "bool"},
            {"desc": "Maximum IO bandwidth limit for", "long": "io-maxbandwidth", "short": None, "type": "bytes"},
            {"desc": "Maximum IOps limit for the", "long": "io-maxiops", "short": None, "type": "uint"},
            {"desc": "IPv4 address (e.g., 172.30.100.104)", "long": "ip", "short": None, "type": "string"},
            {"desc": "IPv6 address (e.g., 2001:db8::33)", "long": "ip6", "short": None, "type": "string"},
            {"desc": "IPC mode to use", "long": "ipc", "short": None, "type": "string"},
            {"desc": "Container isolation technology", "long": "isolation", "short": None, "type": "string"},
            {"desc": "Kernel memory limit", "long": "kernel-memory", "short": None, "type": "bytes"},
            {"desc": "Set meta data on a container", "long": "label", "short": "l", "type": "list"},
            {"desc": "Read in a line delimited file of", "long": "label-file", "short": None, "type": "list"},
            {"desc": "Add link to another container", "long": "link", "short": None, "type": "list"},
            {"desc": "Container IPv4/IPv6 link-local", "long": "link-local-ip", "short": None, "type": "list"},
            {"desc": "Logging driver for the container", "long": "log-driver", "short": None, "type": "string"},
            {"desc": "Log driver options", "long": "log-opt", "short": None, "type": "list"},
            {"desc": "Container MAC address (e.g.,", "long": "mac-address", "short": None, "type": "string"},
            {"desc": "Memory limit", "long": "memory", "short": "m", "type": "bytes"},
            {"desc": "Memory soft limit", "long": "memory-reservation", "short": None, "type": "bytes"},
            {"desc": "Swap limit equal to memory plus", "long": "memory-swap", "short": None, "type": "bytes"},
            {"desc": "Tune container memory swappiness", "long": "memory-swappiness", "short": None, "type": "int"},
            {"desc": "Attach a filesystem mount to the", "long": "mount", "short": None, "type": "mount"},
            {"desc": "Assign a name to the container", "long": "name", "short": None, "type": "string"},
            {"desc": "Connect a container to a network", "long": "network", "short": None, "type": "network"},
            {"desc": "Add network-scoped alias for the", "long": "network-alias", "short": None, "type": "list"},
            {"desc": "Disable any container-specified", "long": "no-healthcheck", "short": None, "type": "bool"},
            {"desc": "Disable OOM Killer", "long": "oom-kill-disable", "short": None, "type": "bool"},
            {"desc": "Tune host's OOM preferences", "long": "oom-score-adj", "short": None, "type": "int"},
            {"desc": "PID namespace to use", "long": "pid", "short": None, "type": "string"},
            {"desc": "Tune container pids limit (set", "long": "pids-limit", "short": None, "type": "int"},
            {"desc": "Set platform if server is", "long": "platform", "short": None, "type": "string"},
            {"desc": "Give extended privileges to this", "long": "privileged", "short": None, "type": "bool"},
            {"desc": "Publish a container's port(s) to", "long": "publish", "short": "p", "type": "list"},
            {"desc": "Publish all exposed ports to", "long": "publish-all", "short": "P", "type": "bool"},
            {"desc": "Pull image before running", "long": "pull", "short": None, "type": "string"},
            {"desc": "Suppress the pull output", "long": "quiet", "short": "q", "type": "bool"},
            {"desc": "Mount the container's root", "long": "read-only", "short": None, "type": "bool"},
            {"desc": "Restart policy to apply when a", "long": "restart", "short": None, "type": "string"},
            {"desc": "Automatically remove the", "long": "rm", "short": None, "type": "bool"},
            {"desc": "Runtime to use for this container", "long": "runtime", "short": None, "type": "string"},
            {"desc": "Security Options", "long": "security-opt", "short": None, "type": "list"},
            {"desc": "Size of /dev/shm", "long": "shm-size", "short": None, "type": "bytes"},
            {"desc": "Proxy received signals to the", "long": "sig-proxy", "short": None, "type": "bool"},
            {"desc": "Signal to stop the container", "long": "stop-signal", "short": None, "type": "string"},
            {"desc": "Timeout (in seconds) to stop a", "long": "stop-timeout", "short": None, "type": "int"},
            {"desc": "Storage driver options for the", "long": "storage-opt", "short": None, "type": "list"},
            {"desc": "Sysctl options (default map[])", "long": "sysctl", "short": None, "type": "map"},
            {"desc": "Mount a tmpfs directory", "long": "tmpfs", "short": None, "type": "list"},
            {"desc": "Allocate a pseudo-TTY", "long": "tty", "short": "t", "type": "bool"},
            {"desc": "Ulimit options (default [])", "long": "ulimit", "short": None, "type": "ulimit"},
            {"desc": "Bind mount Docker API socket and", "long": "use-api-socket", "short": None, "type": "bool"},
            {"desc": "Username or UID (format:", "long": "user", "short": "u", "type": "string"},
            {"desc": "User namespace to use", "long": "userns", "short": None, "type": "string"},
            {"desc": "UTS namespace to use", "long": "uts", "short": None, "type": "string"},
            {"desc": "Bind mount a volume", "long": "volume", "short": "v", "type": "list"},
            {"desc": "Optional volume driver for the", "long": "volume-driver", "short": None, "type": "string"},
            {"desc": "Mount volumes from the specified", "long": "volumes-from", "short": None, "type": "list"},
            {"desc": "Working directory inside the", "long": "workdir", "short": "w", "type": "string"},
        ],
        "help": "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n"
        "\n"
        "Create and run a new container from an image\n"
        "\n"
        "Aliases:\n"
        "  docker container run, docker run\n"
        "\n"
        "Options:\n"
        "      --add-host list                    Add a custom host-to-IP mapping\n"
        "                                         (host:ip)\n"
        "      --annotation map                   Add an annotation to the\n"
        "                                         container (passed through to the\n"
        "                                         OCI runtime) (default map[])\n"
        "  -a, --attach list                      Attach to STDIN, STDOUT or STDERR\n"
        "      --blkio-weight uint16              Block IO (relative weight),\n"
        "                                         between 10 and 1000, or 0 to\n"
        "                                         disable (default 0)\n"
        "      --blkio-weight-device list         Block IO weight (relative device\n"
        "                                         weight) (default [])\n"
        "      --cap-add list                     Add Linux capabilities\n"
        "      --cap-drop list                    Drop Linux capabilities\n"
        "      --cgroup-parent string             Optional parent cgroup for the\n"
        "                                         container\n"
        "      --cgroupns string                  Cgroup namespace to use\n"
        "                                         (host|private)\n"
        "                                         'host':    Run the container in\n"
        "                                         the Docker host's cgroup\n"
        "                                         namespace\n"
        "                                         'private': Run the container in\n"
        "                                         its own private cgroup namespace\n"
        "                                         '':        Use the cgroup\n"
        "                                         namespace as configured by the\n"
        "                                                    default-cgroupns-mode\n"
        "                                         option on the daemon (default)\n"
        "      --cidfile string                   Write the container ID to the file\n"
        "      --cpu-count int                    CPU count (Windows only)\n"
        "      --cpu-percent int                  CPU percent (Windows only)\n"
        "      --cpu-period int                   Limit CPU CFS (Completely Fair\n"
        "                                         Scheduler) period\n"
        "      --cpu-quota int                    Limit CPU CFS (Completely Fair\n"
        "                                         Scheduler) quota\n"
        "      --cpu-rt-period int                Limit CPU real-time period in\n"
        "                                         microseconds\n"
        "      --cpu-rt-runtime int               Limit CPU real-time runtime in\n"
        "                                         microseconds\n"
        "  -c, --cpu-shares int                   CPU shares (relative weight)\n"
        "      --cpus decimal                     Number of CPUs\n"
        "      --cpuset-cpus string               CPUs in which to allow execution\n"
        "                                         (0-3, 0,1)\n"
        "      --cpuset-mems string               MEMs in which to allow execution\n"
        "                                         (0-3, 0,1)\n"
        "  -d, --detach                           Run container in background and\n"
        "                                         print container ID\n"
        "      --detach-keys string               Override the key sequence for\n"
        "                                         detaching a container\n"
        "      --device list                      Add a host device to the container\n"
        "      --device-cgroup-rule list          Add a rule to the cgroup allowed\n"
        "                                         devices list\n"
        "      --device-read-bps list             Limit read rate (bytes per\n"
        "                                         second) from a device (default [])\n"
        "      --device-read-iops list            Limit read rate (IO per second)\n"
        "                                         from a device (default [])\n"
        "      --device-write-bps list            Limit write rate (bytes per\n"
        "                                         second) to a device (default [])\n"
        "      --device-write-iops list           Limit write rate (IO per second)\n"
        "                                         to a device (default [])\n"
        "      --disable-content-trust            Skip image verification (default\n"
        "                                         true)\n"
        "      --dns list                         Set custom DNS servers\n"
        "      --dns-option list                  Set DNS options\n"
        "      --dns-search list                  Set custom DNS search domains\n"
        "      --domainname string                Container NIS domain name\n"
        "      --entrypoint string                Overwrite the default ENTRYPOINT\n"
        "                                         of the image\n"
        "  -e, --env list                         Set environment variables\n"
        "      --env-file list                    Read in a file of environment\n"
        "                                         variables\n"
        "      --expose list                      Expose a port or a range of ports\n"
        "      --gpus gpu-request                 GPU devices to add to the\n"
        "                                         container ('all' to pass all GPUs)\n"
        "      --group-add list                   Add additional groups to join\n"
        "      --health-cmd string                Command to run to check health\n"
        "      --health-interval duration         Time between running the check\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-retries int               Consecutive failures needed to\n"
        "                                         report unhealthy\n"
        "      --health-start-interval duration   Time between running the check\n"
        "                                         during the start period\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-start-period duration     Start period for the container\n"
        "                                         to initialize before starting\n"
        "                                         health-retries countdown\n"
        "                                         (ms|s|m|h) (default 0s)\n"
        "      --health-timeout duration          Maximum time to allow one check\n"
        "                                         to run (ms|s|m|h) (default 0s)\n"
        "      --help                             Print usage\n"
        "  -h, --hostname string                  Container host name\n"
        "      --init                             Run an init inside the container\n"
        "                                         that forwards signals and reaps\n"
        "                                         processes\n"
        "  -i, --interactive                      Keep STDIN open even if not attached\n"
        "      --io-maxbandwidth bytes            Maximum IO bandwidth limit for\n"
        "                                         the system drive (Windows only)\n"
        "      --io-maxiops uint                  Maximum IOps limit for the\n"
        "                                         system drive (Windows only)\n"
        "      --ip string                        IPv4 address (e.g., 172.30.100.104)\n"
        "      --ip6 string                       IPv6 address (e.g., 2001:db8::33)\n"
        "      --ipc string                       IPC mode to use\n"
        "      --isolation string                 Container isolation technology\n"
        "      --kernel-memory bytes              Kernel memory limit\n"
        "  -l, --label list                       Set meta data on a container\n"
        "      --label-file list                  Read in a line delimited file of\n"
        "                                         labels\n"
        "      --link list                        Add link to another container\n"
        "      --link-local-ip list               Container IPv4/IPv6 link-local\n"
        "                                         addresses\n"
        "      --log-driver string                Logging driver for the container\n"
        "      --log-opt list                     Log driver options\n"
        "      --mac-address string               Container MAC address (e.g.,\n"
        "                                         92:d0:c6:0a:29:33)\n"
        "  -m, --memory bytes                     Memory limit\n"
        "      --memory-reservation bytes         Memory soft limit\n"
        "      --memory-swap bytes                Swap limit equal to memory plus\n"
        "                                         swap: '-1' to enable unlimited swap\n"
        "      --memory-swappiness int            Tune container memory swappiness\n"
        "                                         (0 to 100) (default -1)\n"
        "      --mount mount                      Attach a filesystem mount to the\n"
        "                                         container\n"
        "      --name string                      Assign a name to the container\n"
        "      --network network                  Connect a container to a network\n"
        "      --network-alias list               Add network-scoped alias for the\n"
        "                                         container\n"
        "      --no-healthcheck                   Disable any container-specified\n"
        "                                         HEALTHCHECK\n"
        "      --oom-kill-disable                 Disable OOM Killer\n"
        "      --oom-score-adj int                Tune host's OOM preferences\n"
        "                                         (-1000 to 1000)\n"
        "      --pid string                       PID namespace to use\n"
        "      --pids-limit int                   Tune container pids limit (set\n"
        "                                         -1 for unlimited)\n"
        "      --platform string                  Set platform if server is\n"
        "                                         multi-platform capable\n"
        "      --privileged                       Give extended privileges to this\n"
        "                                         container\n"
        "  -p, --publish list                     Publish a container's port(s) to\n"
        "                                         the host\n"
        "  -P, --publish-all                      Publish all exposed ports to\n"
        "                                         random ports\n"
        "      --pull string                      Pull image before running\n"
        '                                         ("always", "missing", "never")\n'
        '                                         (default "missing")\n'
        "  -q, --quiet                            Suppress the pull output\n"
        "      --read-only                        Mount the container's root\n"
        "                                         filesystem as read only\n"
        "      --restart string                   Restart policy to apply when a\n"
        '                                         container exits (default "no")\n'
        "      --rm                               Automatically remove the\n"
        "                                         container and its associated\n"
        "                                         anonymous volumes when it exits\n"
        "      --runtime string                   Runtime to use for this container\n"
        "      --security-opt list                Security Options\n"
        "      --shm-size bytes                   Size of /dev/shm\n"
        "      --sig-proxy                        Proxy received signals to the\n"
        "                                         process (default true)\n"
        "      --stop-signal string               Signal to stop the container\n"
        "      --stop-timeout int                 Timeout (in seconds) to stop a\n"
        "                                         container\n"
        "      --storage-opt list                 Storage driver options for the\n"
        "                                         container\n"
        "      --sysctl map                       Sysctl options (default map[])\n"
        "      --tmpfs list                       Mount a tmpfs directory\n"
        "  -t, --tty                              Allocate a pseudo-TTY\n"
        "      --ulimit ulimit                    Ulimit options (default [])\n"
        "      --use-api-socket                   Bind mount Docker API socket and\n"
        "                                         required auth\n"
        "  -u, --user string                      Username or UID (format:\n"
        "                                         <name|uid>[:<group|gid>])\n"
        "      --userns string                    User namespace to use\n"
        "      --uts string                       UTS namespace to use\n"
        "  -v, --volume list                      Bind mount a volume\n"
        "      --volume-driver string             Optional volume driver for the\n"
        "                                         container\n"
        "      --volumes-from list                Mount volumes from the specified\n"
        "                                         container(s)\n"
        "  -w, --workdir string                   Working directory inside the\n"
        "                                         container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker run' requires at least 1 argument"},
        "usage": "docker run [OPTIONS] IMAGE [COMMAND] [ARG...]",
    },
    "start": {
        "flags": [
            {"desc": "Attach STDOUT/STDERR and forward signals", "long": "attach", "short": "a", "type": "bool"},
            {"desc": "Restore from this checkpoint", "long": "checkpoint", "short": None, "type": "string"},
            {
                "desc": "Use a custom checkpoint storage directory",
                "long": "checkpoint-dir",
                "short": None,
                "type": "string",
            },
            {
                "desc": "Override the key sequence for detaching a",
                "long": "detach-keys",
                "short": None,
                "type": "string",
            },
            {"desc": "Attach container's STDIN", "long": "interactive", "short": "i", "type": "bool"},
        ],
        "help": "Usage:  docker start [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Start one or more stopped containers\n"
        "\n"
        "Aliases:\n"
        "  docker container start, docker start\n"
        "\n"
        "Options:\n"
        "  -a, --attach                  Attach STDOUT/STDERR and forward signals\n"
        "      --checkpoint string       Restore from this checkpoint\n"
        "      --checkpoint-dir string   Use a custom checkpoint storage directory\n"
        "      --detach-keys string      Override the key sequence for detaching a\n"
        "                                container\n"
        "  -i, --interactive             Attach container's STDIN\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker start' requires at least 1 argument"},
        "usage": "docker start [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "stop": {
        "flags": [
            {"desc": "Signal to send to the container", "long": "signal", "short": "s", "type": "string"},
            {"desc": "Seconds to wait before killing the container", "long": "timeout", "short": "t", "type": "int"},
        ],
        "help": "Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n"
        "\n"
        "Stop one or more running containers\n"
        "\n"
        "Aliases:\n"
        "  docker container stop, docker stop\n"
        "\n"
        "Options:\n"
        "  -s, --signal string   Signal to send to the container\n"
        "  -t, --timeout int     Seconds to wait before killing the container\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker stop' requires at least 1 argument"},
        "usage": "docker stop [OPTIONS] CONTAINER [CONTAINER...]",
    },
    "tag": {
        "flags": [],
        "help": "Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n"
        "\n"
        "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n"
        "\n"
        "Aliases:\n"
        "  docker image tag, docker tag\n",
        "too_few": {"rc": 1, "tail": "Run", "text": "'docker tag' requires 2 arguments"},
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker tag' requires 2 arguments"},
        "usage": "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
    },
    "version": {
        "flags": [{"desc": "Format output using a custom template:", "long": "format", "short": "f", "type": "string"}],
        "help": "Usage:  docker version [OPTIONS]\n"
        "\n"
        "Show the Docker version information\n"
        "\n"
        "Options:\n"
        "  -f, --format string   Format output using a custom template:\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output with\n"
        "                        templates\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker version' accepts no arguments"},
        "usage": "docker version [OPTIONS]",
    },
    "volume create": {
        "flags": [
            {"desc": 'Cluster Volume availability ("active",', "long": "availability", "short": None, "type": "string"},
            {"desc": 'Specify volume driver name (default "local")', "long": "driver", "short": "d", "type": "string"},
            {"desc": "Cluster Volume group (cluster volumes)", "long": "group", "short": None, "type": "string"},
            {"desc": "Set metadata for a volume", "long": "label", "short": None, "type": "list"},
            {
                "desc": "Minimum size of the Cluster Volume in bytes",
                "long": "limit-bytes",
                "short": None,
                "type": "bytes",
            },
            {"desc": "Set driver specific options (default map[])", "long": "opt", "short": "o", "type": "map"},
            {
                "desc": "Maximum size of the Cluster Volume in bytes",
                "long": "required-bytes",
                "short": None,
                "type": "bytes",
            },
            {"desc": 'Cluster Volume access scope ("single",', "long": "scope", "short": None, "type": "string"},
            {"desc": "Cluster Volume secrets (default map[])", "long": "secret", "short": None, "type": "map"},
            {"desc": 'Cluster Volume access sharing ("none",', "long": "sharing", "short": None, "type": "string"},
            {"desc": "A topology that the Cluster Volume", "long": "topology-preferred", "short": None, "type": "list"},
            {
                "desc": "A topology that the Cluster Volume must",
                "long": "topology-required",
                "short": None,
                "type": "list",
            },
            {"desc": 'Cluster Volume access type ("mount",', "long": "type", "short": None, "type": "string"},
        ],
        "help": "Usage:  docker volume create [OPTIONS] [VOLUME]\n"
        "\n"
        "Create a volume\n"
        "\n"
        "Options:\n"
        "      --availability string       Cluster Volume availability "
        '("active",\n'
        '                                  "pause", "drain") (default '
        '"active")\n'
        "  -d, --driver string             Specify volume driver name (default "
        '"local")\n'
        "      --group string              Cluster Volume group (cluster "
        "volumes)\n"
        "      --label list                Set metadata for a volume\n"
        "      --limit-bytes bytes         Minimum size of the Cluster Volume "
        "in bytes\n"
        "  -o, --opt map                   Set driver specific options (default "
        "map[])\n"
        "      --required-bytes bytes      Maximum size of the Cluster Volume "
        "in bytes\n"
        "      --scope string              Cluster Volume access scope "
        '("single",\n'
        '                                  "multi") (default "single")\n'
        "      --secret map                Cluster Volume secrets (default "
        "map[])\n"
        "      --sharing string            Cluster Volume access sharing "
        '("none",\n'
        '                                  "readonly", "onewriter", "all")\n'
        '                                  (default "none")\n'
        "      --topology-preferred list   A topology that the Cluster Volume\n"
        "                                  would be preferred in\n"
        "      --topology-required list    A topology that the Cluster Volume "
        "must\n"
        "                                  be accessible from\n"
        "      --type string               Cluster Volume access type "
        '("mount",\n'
        '                                  "block") (default "block")\n',
        "too_many": {"rc": 1, "tail": "SRun", "text": "'docker volume create' requires at most 1 argument"},
        "usage": "docker volume create [OPTIONS] [VOLUME]",
    },
    "volume inspect": {
        "flags": [{"desc": "Format output using a custom template:", "long": "format", "short": "f", "type": "string"}],
        "help": "Usage:  docker volume inspect [OPTIONS] VOLUME [VOLUME...]\n"
        "\n"
        "Display detailed information on one or more volumes\n"
        "\n"
        "Options:\n"
        "  -f, --format string   Format output using a custom template:\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the "
        "given\n"
        "                        Go template.\n"
        "                        Refer to "
        "https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output "
        "with\n"
        "                        templates\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker volume inspect' requires at least 1 argument"},
        "usage": "docker volume inspect [OPTIONS] VOLUME [VOLUME...]",
    },
    "volume list": {
        "flags": [
            {"desc": "Display only cluster volumes, and use cluster", "long": "cluster", "short": None, "type": "bool"},
            {"desc": 'Provide filter values (e.g. "dangling=true")', "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Only display volume names", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker volume ls [OPTIONS]\n"
        "\n"
        "List volumes\n"
        "\n"
        "Aliases:\n"
        "  docker volume ls, docker volume list\n"
        "\n"
        "Options:\n"
        "      --cluster         Display only cluster volumes, and use cluster\n"
        "                        volume list formatting\n"
        '  -f, --filter filter   Provide filter values (e.g. "dangling=true")\n'
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table "
        "format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table "
        "format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the "
        "given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output "
        "with\n"
        "                        templates\n"
        "  -q, --quiet           Only display volume names\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker volume ls' accepts no arguments"},
        "usage": "docker volume ls [OPTIONS]",
    },
    "volume ls": {
        "flags": [
            {"desc": "Display only cluster volumes, and use cluster", "long": "cluster", "short": None, "type": "bool"},
            {"desc": 'Provide filter values (e.g. "dangling=true")', "long": "filter", "short": "f", "type": "filter"},
            {"desc": "Format output using a custom template:", "long": "format", "short": None, "type": "string"},
            {"desc": "Only display volume names", "long": "quiet", "short": "q", "type": "bool"},
        ],
        "help": "Usage:  docker volume ls [OPTIONS]\n"
        "\n"
        "List volumes\n"
        "\n"
        "Aliases:\n"
        "  docker volume ls, docker volume list\n"
        "\n"
        "Options:\n"
        "      --cluster         Display only cluster volumes, and use cluster\n"
        "                        volume list formatting\n"
        '  -f, --filter filter   Provide filter values (e.g. "dangling=true")\n'
        "      --format string   Format output using a custom template:\n"
        "                        'table':            Print output in table format\n"
        "                        with column headers (default)\n"
        "                        'table TEMPLATE':   Print output in table format\n"
        "                        using the given Go template\n"
        "                        'json':             Print in JSON format\n"
        "                        'TEMPLATE':         Print output using the given\n"
        "                        Go template.\n"
        "                        Refer to https://docs.docker.com/go/formatting/\n"
        "                        for more information about formatting output with\n"
        "                        templates\n"
        "  -q, --quiet           Only display volume names\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker volume ls' accepts no arguments"},
        "usage": "docker volume ls [OPTIONS]",
    },
    "volume prune": {
        "flags": [
            {"desc": "Remove all unused volumes, not just anonymous ones", "long": "all", "short": "a", "type": "bool"},
            {"desc": 'Provide filter values (e.g. "label=<label>")', "long": "filter", "short": None, "type": "filter"},
            {"desc": "Do not prompt for confirmation", "long": "force", "short": "f", "type": "bool"},
        ],
        "help": "Usage:  docker volume prune [OPTIONS]\n"
        "\n"
        "Remove unused local volumes\n"
        "\n"
        "Options:\n"
        "  -a, --all             Remove all unused volumes, not just anonymous "
        "ones\n"
        '      --filter filter   Provide filter values (e.g. "label=<label>")\n'
        "  -f, --force           Do not prompt for confirmation\n",
        "too_many": {"rc": 1, "tail": "Run", "text": "'docker volume prune' accepts no arguments"},
        "usage": "docker volume prune [OPTIONS]",
    },
    "volume remove": {
        "flags": [{"desc": "Force the removal of one or more volumes", "long": "force", "short": "f", "type": "bool"}],
        "help": "Usage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n"
        "\n"
        "Remove one or more volumes. You cannot remove a volume that is in use "
        "by a container.\n"
        "\n"
        "Aliases:\n"
        "  docker volume rm, docker volume remove\n"
        "\n"
        "Options:\n"
        "  -f, --force   Force the removal of one or more volumes\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker volume rm' requires at least 1 argument"},
        "usage": "docker volume rm [OPTIONS] VOLUME [VOLUME...]",
    },
    "volume rm": {
        "flags": [{"desc": "Force the removal of one or more volumes", "long": "force", "short": "f", "type": "bool"}],
        "help": "Usage:  docker volume rm [OPTIONS] VOLUME [VOLUME...]\n"
        "\n"
        "Remove one or more volumes. You cannot remove a volume that is in use by a "
        "container.\n"
        "\n"
        "Aliases:\n"
        "  docker volume rm, docker volume remove\n"
        "\n"
        "Options:\n"
        "  -f, --force   Force the removal of one or more volumes\n",
        "too_few": {"rc": 1, "tail": "See", "text": "'docker volume rm' requires at least 1 argument"},
        "usage": "docker volume rm [OPTIONS] VOLUME [VOLUME...]",
    },
}

GROUP_HELP: dict[str, str] = {
    "container": "Usage:  docker container COMMAND\n"
    "\n"
    "Manage containers\n"
    "\n"
    "Commands:\n"
    "  attach      Attach local standard input, output, and error streams to a running "
    "container\n"
    "  commit      Create a new image from a container's changes\n"
    "  cp          Copy files/folders between a container and the local filesystem\n"
    "  create      Create a new container\n"
    "  diff        Inspect changes to files or directories on a container's filesystem\n"
    "  exec        Execute a command in a running container\n"
    "  export      Export a container's filesystem as a tar archive\n"
    "  inspect     Display detailed information on one or more containers\n"
    "  kill        Kill one or more running containers\n"
    "  logs        Fetch the logs of a container\n"
    "  ls          List containers\n"
    "  pause       Pause all processes within one or more containers\n"
    "  port        List port mappings or a specific mapping for the container\n"
    "  prune       Remove all stopped containers\n"
    "  rename      Rename a container\n"
    "  restart     Restart one or more containers\n"
    "  rm          Remove one or more containers\n"
    "  run         Create and run a new container from an image\n"
    "  start       Start one or more stopped containers\n"
    "  stats       Display a live stream of container(s) resource usage statistics\n"
    "  stop        Stop one or more running containers\n"
    "  top         Display the running processes of a container\n"
    "  unpause     Unpause all processes within one or more containers\n"
    "  update      Update configuration of one or more containers\n"
    "  wait        Block until one or more containers stop, then print their exit codes\n"
    "\n"
    "Run 'docker container COMMAND --help' for more information on a command.\n",
    "image": "Usage:  docker image COMMAND\n"
    "\n"
    "Manage images\n"
    "\n"
    "Commands:\n"
    "  build       Build an image from a Dockerfile\n"
    "  history     Show the history of an image\n"
    "  import      Import the contents from a tarball to create a filesystem image\n"
    "  inspect     Display detailed information on one or more images\n"
    "  load        Load an image from a tar archive or STDIN\n"
    "  ls          List images\n"
    "  prune       Remove unused images\n"
    "  pull        Download an image from a registry\n"
    "  push        Upload an image to a registry\n"
    "  rm          Remove one or more images\n"
    "  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n"
    "  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n"
    "\n"
    "Run 'docker image COMMAND --help' for more information on a command.\n",
    "volume": "Usage:  docker volume COMMAND\n"
    "\n"
    "Manage volumes\n"
    "\n"
    "Commands:\n"
    "  create      Create a volume\n"
    "  inspect     Display detailed information on one or more volumes\n"
    "  ls          List volumes\n"
    "  prune       Remove unused local volumes\n"
    "  rm          Remove one or more volumes\n"
    "  update      Update a volume (cluster volumes only)\n"
    "\n"
    "Run 'docker volume COMMAND --help' for more information on a command.\n",
}

TOP_HELP: str = 'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n\nCommon Commands:\n  run         Create and run a new container from an image\n  exec        Execute a command in a running container\n  ps          List containers\n  build       Build an image from a Dockerfile\n  pull        Download an image from a registry\n  push        Upload an image to a registry\n  images      List images\n  login       Authenticate to a registry\n  logout      Log out from a registry\n  search      Search Docker Hub for images\n  version     Show the Docker version information\n  info        Display system-wide information\n\nManagement Commands:\n  builder     Manage builds\n  checkpoint  Manage checkpoints\n  container   Manage containers\n  context     Manage contexts\n  image       Manage images\n  manifest    Manage Docker image manifests and manifest lists\n  network     Manage networks\n  plugin      Manage plugins\n  system      Manage Docker\n  trust       Manage trust on Docker images\n  volume      Manage volumes\n\nSwarm Commands:\n  config      Manage Swarm configs\n  node        Manage Swarm nodes\n  secret      Manage Swarm secrets\n  service     Manage Swarm services\n  stack       Manage Swarm stacks\n  swarm       Manage Swarm\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  commit      Create a new image from a container\'s changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container\'s filesystem\n  events      Get real time events from the server\n  export      Export a container\'s filesystem as a tar archive\n  history     Show the history of an image\n  import      Import the contents from a tarball to create a filesystem image\n  inspect     Return low-level information on Docker objects\n  kill        Kill one or more running containers\n  load        Load an image from a tar archive or STDIN\n  logs        Fetch the logs of a container\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  rmi         Remove one or more images\n  save        Save one or more images to a tar archive (streamed to STDOUT by default)\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  wait        Block until one or more containers stop, then print their exit codes\n\nGlobal Options:\n      --config string      Location of client config files (default\n                           "/root/.docker")\n  -c, --context string     Name of the context to use to connect to the\n                           daemon (overrides DOCKER_HOST env var and\n                           default context set with "docker context use")\n  -D, --debug              Enable debug mode\n  -H, --host list          Daemon socket to connect to\n  -l, --log-level string   Set the logging level ("debug", "info",\n                           "warn", "error", "fatal") (default "info")\n      --tls                Use TLS; implied by --tlsverify\n      --tlscacert string   Trust certs signed only by this CA (default\n                           "/root/.docker/ca.pem")\n      --tlscert string     Path to TLS certificate file (default\n                           "/root/.docker/cert.pem")\n      --tlskey string      Path to TLS key file (default\n                           "/root/.docker/key.pem")\n      --tlsverify          Use TLS and verify the remote\n  -v, --version            Print version information and quit\n\nRun \'docker COMMAND --help\' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n'
