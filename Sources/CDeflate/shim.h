// libdeflate, for DeterministicZip's fast deflate of a large sheet and its CRC-32 (apt package
// libdeflate-dev).
#include <libdeflate.h>
