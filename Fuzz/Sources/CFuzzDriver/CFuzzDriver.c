// Declarations only (see include/CFuzzDriver.h); SwiftPM needs a source file in a C target.
#include "CFuzzDriver.h"
