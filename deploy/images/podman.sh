# Sourced by the scripts beside it: podman as this machine runs it, and installing what is missing.
#
# Debian's podman runs as root here with runc (crun fails on a kernel with hybrid cgroups) and with
# rlimits within the machine's hard limits (podman's defaults exceed them); containers.conf says so
# for every podman command, kube play included.

# need COMMAND PACKAGE: installs the Debian package unless the command is there
need() {
  command -v "$1" >/dev/null || install_package "$2"
}

# need_package PACKAGE: installs it unless it is installed
need_package() {
  dpkg -s "$1" >/dev/null 2>&1 || install_package "$1"
}

install_package() {
  echo "installing $1 (Debian package)" >&2
  local sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$1" >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$1" >/dev/null; }
}

# podman's configuration for every podman command of the sourcing script and its children (Jib's
# `podman load`, skopeo): written under target/ of $root, the repository, which the script sets
mkdir -p "$root/target/images"
cat > "$root/target/images/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]

[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF="$root/target/images/containers.conf"
