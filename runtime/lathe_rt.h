//===- lathe_rt.h - The runtime library, as generated code includes it -----===//
// One include for every translated program: GC allocation, the exception
// state, strings, lists, dicts, numbers, formatting, I/O and start-up.
// See runtime/README.md for the contract between generated code and runtime.
//===----------------------------------------------------------------------===//
#pragma once
#include "llgc.h"
#include "llexc.h"
#include "rlist.h"
#include "rstr.h"
#include "rdict.h"
#include "numbers.h"
#include "format.h"
#include "llio.h"
#include "llmain.h"
#include "llsupport.h"
