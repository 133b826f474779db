// GLPK 5.0 from Debian's libglpk-dev installs its header at /usr/include/glpk.h.
#include <glpk.h>
