#!/bin/busybox sh
# PID 1 of the test node guest. Mounts the kernel filesystems, loads the modules, brings up the network from the
# tn.* kernel parameters, starts udev (so /dev/disk/by-path exists as on a real node), mounts the 9p shares
# (work -> /job, read-write; hostro -> /host, read-only, e.g. a JDK), then either serves the command channel
# (tn.mode=agent) or runs /job/run.sh (output in /job/out.log, status in /job/rc), and powers off.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mkdir -p /run/lock/iscsi /run/udev
ts() { echo "[tn $(cut -d' ' -f1 /proc/uptime)] $*"; }
ts "init started"

arg() { # arg NAME DEFAULT : the value of tn.NAME= on the kernel command line
  v=$(tr ' ' '\n' < /proc/cmdline | sed -n "s/^tn\.$1=//p" | tail -1)
  echo "${v:-$2}"
}

while read -r ko; do insmod "$ko" 2>/dev/null || echo "insmod $ko failed"; done < /etc/modules.load
ts "modules loaded"

hostname "$(arg hostname node1)"
echo "InitiatorName=iqn.2024-01.io.csi4j.test:$(hostname)" > /etc/iscsi/initiatorname.iscsi
ip link set lo up
ip link set eth0 up
ip addr add "$(arg ip 10.0.2.15/24)" dev eth0
ip route add default via "$(arg gw 10.0.2.2)"
ts "network up: $(ip -4 -o addr show eth0 | awk '{print $4}')"

/lib/systemd/systemd-udevd --daemon --resolve-names=never 2>/dev/null
udevadm trigger --action=add --subsystem-match=block >/dev/null 2>&1
ts "udev started"

tags=$(cat /sys/bus/virtio/devices/*/mount_tag 2>/dev/null | tr '\0' '\n')
if echo "$tags" | grep -qx work; then
  mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144,cache=none work /job && ts "9p work mounted"
fi
if echo "$tags" | grep -qx hostro; then
  mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144,ro,cache=loose hostro /host && ts "9p hostro mounted"
fi

agent() { # one shell command per line from the virtio-serial port tn.agent; answers its output, then "__TN_RC__ <rc>"
  n=$(grep -l '^tn.agent$' /sys/class/virtio-ports/*/name 2>/dev/null | head -1)
  [ -n "$n" ] || { ts "no tn.agent port"; return 1; }
  port=/dev/$(basename "$(dirname "$n")")
  ts "agent listening on $port"
  while :; do
    # "command" keeps a failed redirection from ending PID 1 (the port opens again once the host is back)
    command exec 3<> "$port" 2>/dev/null || { sleep 0.5; continue; }
    while IFS= read -r line <&3; do
      [ "$line" = "__TN_POWEROFF__" ] && { exec 3>&-; return 0; }
      # the command must not inherit the port: a daemon it starts would keep the port busy for good
      out=$(sh -c "$line" 2>&1 </dev/null 3>&-); rc=$?
      [ -n "$out" ] && printf '%s\n' "$out" >&3
      printf '__TN_RC__ %s\n' "$rc" >&3
    done
    exec 3>&-; sleep 0.2   # the host went away: reopen and wait for the next client
  done
}

if [ "$(arg mode run)" = agent ]; then
  agent
elif [ "$(arg shell 0)" = 1 ]; then
  ts "interactive shell"
  setsid cttyhack sh
elif [ -x /job/run.sh ]; then
  ts "running /job/run.sh"
  /job/run.sh > /job/out.log 2>&1
  rc=$?
  echo "$rc" > /job/rc
  ts "run.sh finished rc=$rc"
else
  ts "no /job/run.sh; nothing to do"
fi
sync
ts "powering off"
poweroff -f
