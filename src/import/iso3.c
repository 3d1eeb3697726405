/* COW state codes -> ISO 3166-1 alpha-3, where one code means one ISO state
 * over all the years COW gives it (docs/import.md, "State ids"). Left out on
 * purpose: states ISO never coded (Bavaria, Papal States, ...), and codes whose
 * COW history spans states ISO tells apart or that changed territory and
 * regime in ways a reader would not expect of the ISO code: 255 Germany
 * (Prussia/German Empire, then united Germany), 260 GFR, 265 GDR, 300
 * Austria-Hungary, 315 Czechoslovakia, 345 Yugoslavia/Serbia, 347 Kosovo,
 * 365 Russia/USSR, 640 Ottoman Empire/Turkey, 678/680 the two Yemens, 710
 * China (Qing, ROC, PRC), 730 Korea, 816 North Vietnam/Vietnam, 817 South
 * Vietnam. */
#include <stddef.h>
#include <string.h>

#include "hubspoke/import.h"
#include "import/import_internal.h"

static const struct {
    short ccode;
    char iso3[4];
} table[] = {
    {2, "USA"},   {20, "CAN"},  {31, "BHS"},  {40, "CUB"},  {41, "HTI"},  {42, "DOM"},  {51, "JAM"},
    {52, "TTO"},  {53, "BRB"},  {54, "DMA"},  {55, "GRD"},  {56, "LCA"},  {57, "VCT"},  {58, "ATG"},
    {60, "KNA"},  {70, "MEX"},  {80, "BLZ"},  {90, "GTM"},  {91, "HND"},  {92, "SLV"},  {93, "NIC"},
    {94, "CRI"},  {95, "PAN"},  {100, "COL"}, {101, "VEN"}, {110, "GUY"}, {115, "SUR"}, {130, "ECU"},
    {135, "PER"}, {140, "BRA"}, {145, "BOL"}, {150, "PRY"}, {155, "CHL"}, {160, "ARG"}, {165, "URY"},
    {200, "GBR"}, {205, "IRL"}, {210, "NLD"}, {211, "BEL"}, {212, "LUX"}, {220, "FRA"}, {221, "MCO"},
    {223, "LIE"}, {225, "CHE"}, {230, "ESP"}, {232, "AND"}, {235, "PRT"}, {290, "POL"}, {305, "AUT"},
    {310, "HUN"}, {316, "CZE"}, {317, "SVK"}, {325, "ITA"}, {331, "SMR"}, {338, "MLT"}, {339, "ALB"},
    {341, "MNE"}, {343, "MKD"}, {344, "HRV"}, {346, "BIH"}, {349, "SVN"}, {350, "GRC"}, {352, "CYP"},
    {355, "BGR"}, {359, "MDA"}, {360, "ROU"}, {366, "EST"}, {367, "LVA"}, {368, "LTU"}, {369, "UKR"},
    {370, "BLR"}, {371, "ARM"}, {372, "GEO"}, {373, "AZE"}, {375, "FIN"}, {380, "SWE"}, {385, "NOR"},
    {390, "DNK"}, {395, "ISL"}, {402, "CPV"}, {403, "STP"}, {404, "GNB"}, {411, "GNQ"}, {420, "GMB"},
    {432, "MLI"}, {433, "SEN"}, {434, "BEN"}, {435, "MRT"}, {436, "NER"}, {437, "CIV"}, {438, "GIN"},
    {439, "BFA"}, {450, "LBR"}, {451, "SLE"}, {452, "GHA"}, {461, "TGO"}, {471, "CMR"}, {475, "NGA"},
    {481, "GAB"}, {482, "CAF"}, {483, "TCD"}, {484, "COG"}, {490, "COD"}, {500, "UGA"}, {501, "KEN"},
    {510, "TZA"}, {516, "BDI"}, {517, "RWA"}, {520, "SOM"}, {522, "DJI"}, {530, "ETH"}, {531, "ERI"},
    {540, "AGO"}, {541, "MOZ"}, {551, "ZMB"}, {552, "ZWE"}, {553, "MWI"}, {560, "ZAF"}, {565, "NAM"},
    {570, "LSO"}, {571, "BWA"}, {572, "SWZ"}, {580, "MDG"}, {581, "COM"}, {590, "MUS"}, {591, "SYC"},
    {600, "MAR"}, {615, "DZA"}, {616, "TUN"}, {620, "LBY"}, {625, "SDN"}, {626, "SSD"}, {630, "IRN"},
    {645, "IRQ"}, {651, "EGY"}, {652, "SYR"}, {660, "LBN"}, {663, "JOR"}, {666, "ISR"}, {670, "SAU"},
    {679, "YEM"}, {690, "KWT"}, {692, "BHR"}, {694, "QAT"}, {696, "ARE"}, {698, "OMN"}, {700, "AFG"},
    {701, "TKM"}, {702, "TJK"}, {703, "KGZ"}, {704, "UZB"}, {705, "KAZ"}, {712, "MNG"}, {713, "TWN"},
    {731, "PRK"}, {732, "KOR"}, {740, "JPN"}, {750, "IND"}, {760, "BTN"}, {770, "PAK"}, {771, "BGD"},
    {775, "MMR"}, {780, "LKA"}, {781, "MDV"}, {790, "NPL"}, {800, "THA"}, {811, "KHM"}, {812, "LAO"},
    {820, "MYS"}, {830, "SGP"}, {835, "BRN"}, {840, "PHL"}, {850, "IDN"}, {860, "TLS"}, {900, "AUS"},
    {910, "PNG"}, {920, "NZL"}, {935, "VUT"}, {940, "SLB"}, {946, "KIR"}, {947, "TUV"}, {950, "FJI"},
    {955, "TON"}, {970, "NRU"}, {983, "MHL"}, {986, "PLW"}, {987, "FSM"}, {990, "WSM"},
};
#define NTABLE (sizeof table / sizeof *table)

const char *hs_cow_iso3(int ccode) {
    size_t lo = 0, hi = NTABLE;
    while (lo < hi) { /* the table is sorted by ccode */
        size_t mid = (lo + hi) / 2;
        if (table[mid].ccode == ccode) return table[mid].iso3;
        if (table[mid].ccode < ccode) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

int hs_iso3_in_table(const char *code) {
    for (size_t i = 0; i < NTABLE; i++) {
        if (strcmp(table[i].iso3, code) == 0) return 1;
    }
    return 0;
}
