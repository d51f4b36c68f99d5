#ifndef MULU_CPOPPLER_SHIM_H
#define MULU_CPOPPLER_SHIM_H

#include <poppler.h>
#include <cairo.h>
#include <glib.h>

/// Error domains and error codes are macros that do not import into Swift.
static inline GQuark mulu_poppler_error_quark(void) { return POPPLER_ERROR; }
static inline gint mulu_poppler_error_encrypted(void) { return POPPLER_ERROR_ENCRYPTED; }

#endif
