// zlib, for DeterministicZip's deflate and CRC-32 (apt package zlib1g-dev).
#include <zlib.h>
