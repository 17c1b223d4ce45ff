// The system's libyaml (Debian and Ubuntu: libyaml-dev; pkg-config: yaml-0.1), read by FracttalConfig.
#include <yaml.h>
