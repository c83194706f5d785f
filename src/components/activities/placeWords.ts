/** The PlaceWords of src/lib/activity-format.ts for a page: UI strings and the catalogue's city names. */
import type { PlaceWords } from '../../lib/activity-format.ts';
import type { Catalogue } from '../../lib/catalogue.ts';
import { t } from '../../lib/i18n.ts';
import type { Lang } from '../../lib/languages.ts';
import { cityName } from '../../lib/names.ts';

export function placeWords(lang: Lang, catalogue: Catalogue): PlaceWords {
  return {
    online: t(lang, 'activity.online'),
    placeAndOnline: (place) => t(lang, 'activity.placeAndOnline', { place }),
    cityName: (id) => {
      const city = catalogue.cityById.get(id);
      return city ? cityName(city, lang) : id;
    },
  };
}
