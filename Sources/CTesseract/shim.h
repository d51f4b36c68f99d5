#ifndef MULU_CTESSERACT_SHIM_H
#define MULU_CTESSERACT_SHIM_H

// Types and constants only: nothing here is linked. MuluOCR loads libtesseract with dlopen when
// the first engine starts (TesseractLibrary.swift), so a run without OCR does not load it and
// its forty-odd dependencies.
#include <tesseract/capi.h>

/// Leptonica's message threshold (allheaders.h would bring all of Leptonica in): Tesseract's
/// image library prints its errors on stderr unless told not to.
extern int setMsgSeverity(int newsev);
/// L_SEVERITY_NONE: print no messages.
static inline int mulu_lept_severity_none(void) { return 6; }

#endif
