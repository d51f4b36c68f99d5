#ifndef MULU_CTESSERACT_SHIM_H
#define MULU_CTESSERACT_SHIM_H

#include <tesseract/capi.h>

#endif
