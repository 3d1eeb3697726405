/* hubspoke evolve: several years side by side, every state at one place in
 * every panel. Options are parsed with render's (cmd_render.c). */
#include "cli/cli.h"

static const char evolve_help[] =
    "NAME\n"
    "    hubspoke evolve - draw an alliance system in several years, side by side\n"
    "\n"
    "SYNOPSIS\n"
    "    hubspoke evolve FILE --years Y1,Y2,... [--focus ID,ID,...] [--mechanism ID]\n"
    "                    [--hub ID] [--ghosts] [--title TEXT] -o OUT\n"
    "\n"
    "DESCRIPTION\n"
    "    One figure with one panel per year, at most four to a row (small multiples), each\n"
    "    drawn as `hubspoke render` draws one year and captioned with the year and the\n"
    "    indices K, U and C. One layout is computed for the union of all the panels\n"
    "    and every state sits at the same place in every panel. Elements not active\n"
    "    in a panel's year are left out, or drawn as faint ghosts with --ghosts.\n"
    "    OUT is .svg, .png, .pdf, or .gv/.dot (the styled DOT); see docs/render.md.\n"
    "\n"
    "OPTIONS\n"
    "    --years LIST      the panels' years, comma-separated, in the order drawn\n"
    "    --focus IDS       draw only these states, and the mechanisms all of whose\n"
    "                      members are among them\n"
    "    --mechanism ID    draw only the members of mechanism ID (as --focus)\n"
    "    --hub ID          take state ID as the hub instead of inferring it\n"
    "    --engine E        layout of the union: neato (default), fdp, dot or circo\n"
    "    --ghosts          draw inactive states, ties and mechanisms faintly\n"
    "    --title TEXT      the figure's title (default: the graph's name and years)\n"
    "    -o, --output OUT  the file to write\n"
    "    --help            show this help\n"
    "\n"
    "EXIT STATUS\n"
    "    0 success, 1 bad input, nothing to draw in a year, or the helper failed,\n"
    "    2 usage error.\n"
    "\n"
    "EXAMPLES\n"
    "    hubspoke evolve graphs/asia-pacific.gv --years 1953,1999,2014,2016,2019,2023 \\\n"
    "        --focus USA,JPN,KOR -o us-japan-rok.svg\n"
    "    hubspoke evolve graphs/asia-pacific.gv --years 2007,2009,2017,2021 --mechanism Quad -o quad.pdf\n";

static int run_evolve(int argc, char **argv) { return hs_cli_figure_run(&hs_cmd_evolve, 1, argc, argv); }

const hs_command hs_cmd_evolve = {"evolve", "draw several years side by side on one layout", run_evolve, evolve_help};
