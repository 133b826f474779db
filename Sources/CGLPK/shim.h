// GLPK 5.0 from Debian's libglpk-dev installs its header at /usr/include/glpk.h.
// GLP_UNDOC declares the cut generators GLPK exports but documents apart (glp_gmi_gen, used by the
// root's own Gomory rounds); every one of them is in libglpk.so since 4.x.
#define GLP_UNDOC 1
#include <glpk.h>
