/*
 * release:check --target linux-x64-musl: the musl executable runs in a root folder holding
 * musl's loader and a C++ runtime. Debian has no libstdc++ built for musl, so the root gets
 * Debian's (built for glibc) and this library, installed as ld-linux-x86-64.so.2 (which that
 * libstdc++ names, as Alpine's gcompat does): the few glibc symbols it and libgcc_s.so.1 need
 * that musl lacks. Alpine's own libstdc++ (apk add libstdc++ libgcc) needs none of this.
 */
#define _GNU_SOURCE
#include <link.h>
#include <locale.h>
#include <stdint.h>
#include <sys/random.h>
#include <time.h>

char __libc_single_threaded = 0;

size_t __strftime_l(char *s, size_t n, const char *f, const struct tm *tm, locale_t loc) {
  return strftime_l(s, n, f, tm, loc);
}

uint32_t arc4random(void) {
  uint32_t r = 0;
  while (getrandom(&r, sizeof r, 0) != sizeof r) {}
  return r;
}

/* Thread-local destructors are not run: enough for a short-lived CLI under test. */
int __cxa_thread_atexit_impl(void (*dtor)(void *), void *obj, void *dso) {
  (void)dtor; (void)obj; (void)dso;
  return 0;
}

/* glibc 2.35's _dl_find_object, used by libgcc_s to find unwind tables. */
struct dl_find_object {
  unsigned long long dlfo_flags;
  void *dlfo_map_start;
  void *dlfo_map_end;
  struct link_map *dlfo_link_map;
  void *dlfo_eh_frame;
  unsigned long long reserved[7];
};
struct search { uintptr_t pc; struct dl_find_object *out; int found; };

static int visit(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  struct search *s = data;
  uintptr_t lo = UINTPTR_MAX, hi = 0;
  void *eh = 0;
  int inside = 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *p = &info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + p->p_vaddr;
    if (p->p_type == PT_LOAD) {
      if (start < lo) lo = start;
      if (start + p->p_memsz > hi) hi = start + p->p_memsz;
      if (s->pc >= start && s->pc < start + p->p_memsz) inside = 1;
    } else if (p->p_type == PT_GNU_EH_FRAME) {
      eh = (void *)start;
    }
  }
  if (!inside) return 0;
  s->out->dlfo_flags = 0;
  s->out->dlfo_map_start = (void *)lo;
  s->out->dlfo_map_end = (void *)hi;
  s->out->dlfo_link_map = 0;
  s->out->dlfo_eh_frame = eh;
  s->found = 1;
  return 1;
}

int _dl_find_object(void *pc, struct dl_find_object *out) {
  struct search s = { (uintptr_t)pc, out, 0 };
  dl_iterate_phdr(visit, &s);
  return s.found ? 0 : -1;
}

/* libgcc_s exports these under a hidden version, which musl's loader skips: zero means a
   baseline x86-64 CPU to whoever asks. */
struct { unsigned int vendor, type, subtype, features[1]; } __cpu_model;
unsigned int __cpu_features2[4];
int __cpu_indicator_init(void) { return 0; }
