#!/bin/bash
# Starts a one-node Slurm cluster on this machine for the sweep tests (Debian 12's slurm-wlm
# and munge, run as root, no cgroups, no accounting). Idempotent: an already answering cluster
# is left alone. Writes its configuration, state and logs under $1 (default /tmp/mbpo-slurm).
# Stop it with stop-slurm.sh and the same folder.
set -euo pipefail
DIR=${1:-/tmp/mbpo-slurm}
if sinfo -h >/dev/null 2>&1 && [ "$(sinfo -h -o %T | head -1)" = "idle" ]; then
  echo "slurm: already running"; exit 0
fi
[ "$(id -u)" = 0 ] || { echo "slurm: needs root to start munged and the Slurm daemons" >&2; exit 3; }
command -v slurmctld >/dev/null && command -v munged >/dev/null || { echo "slurm: slurm-wlm and munge are not installed" >&2; exit 3; }
mkdir -p "$DIR"/state "$DIR"/spool "$DIR"/log /etc/munge /run/munge /var/log/munge /var/lib/munge
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge
chmod 400 /etc/munge/munge.key
chmod 700 /etc/munge
pgrep -x munged >/dev/null || su -s /bin/sh munge -c /usr/sbin/munged
HOST=$(hostname -s)
CPUS=$(nproc)
MEM=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
mkdir -p /etc/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=mbpo-test
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
MinJobAge=3600
ReturnToService=2
NodeName=$HOST CPUs=$CPUS RealMemory=$MEM State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld
slurmd
for i in $(seq 1 30); do
  if [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = "idle" ]; then echo "slurm: node $HOST idle"; exit 0; fi
  sleep 1
done
echo "slurm: the node did not come up; see $DIR/log" >&2
exit 4
