#ifndef MULU_CTESSERACT_SHIM_H
#define MULU_CTESSERACT_SHIM_H

#include <tesseract/capi.h>

/// Leptonica's message threshold (allheaders.h would bring all of Leptonica in): Tesseract's
/// image library prints its errors on stderr unless told not to.
extern int setMsgSeverity(int newsev);
/// L_SEVERITY_NONE: print no messages.
static inline int mulu_lept_severity_none(void) { return 6; }

#endif
