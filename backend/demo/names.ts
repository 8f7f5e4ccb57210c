// Word lists for fake names: people (Arabic script and English spelling side by side), places, and
// the short texts a request carries. Pure data; every name is made up from common words.

export type Bilingual = readonly [en: string, ar: string];

export const MALE_NAMES: readonly Bilingual[] = [
  ['Mohammed', 'محمد'],
  ['Ahmed', 'أحمد'],
  ['Ali', 'علي'],
  ['Omar', 'عمر'],
  ['Khalid', 'خالد'],
  ['Saeed', 'سعيد'],
  ['Rashid', 'راشد'],
  ['Hamad', 'حمد'],
  ['Sultan', 'سلطان'],
  ['Abdullah', 'عبدالله'],
  ['Yousef', 'يوسف'],
  ['Ibrahim', 'إبراهيم'],
  ['Hassan', 'حسن'],
  ['Majid', 'ماجد'],
  ['Saif', 'سيف'],
  ['Obaid', 'عبيد'],
  ['Juma', 'جمعة'],
  ['Mansour', 'منصور'],
  ['Faisal', 'فيصل'],
  ['Tariq', 'طارق'],
];

export const FEMALE_NAMES: readonly Bilingual[] = [
  ['Fatima', 'فاطمة'],
  ['Aisha', 'عائشة'],
  ['Mariam', 'مريم'],
  ['Noura', 'نورة'],
  ['Hessa', 'حصة'],
  ['Latifa', 'لطيفة'],
  ['Shamma', 'شمة'],
  ['Moza', 'موزة'],
  ['Sara', 'سارة'],
  ['Hind', 'هند'],
  ['Amna', 'آمنة'],
  ['Maitha', 'ميثاء'],
  ['Reem', 'ريم'],
  ['Layla', 'ليلى'],
  ['Khadija', 'خديجة'],
  ['Salama', 'سلامة'],
  ['Alia', 'علياء'],
  ['Dana', 'دانة'],
  ['Huda', 'هدى'],
  ['Asma', 'أسماء'],
];

export const FAMILY_NAMES: readonly Bilingual[] = [
  ['Al Mansoori', 'المنصوري'],
  ['Al Falasi', 'الفلاسي'],
  ['Al Suwaidi', 'السويدي'],
  ['Al Shamsi', 'الشامسي'],
  ['Al Nuaimi', 'النعيمي'],
  ['Al Ketbi', 'الكتبي'],
  ['Al Hashimi', 'الهاشمي'],
  ['Al Zaabi', 'الزعابي'],
  ['Al Marri', 'المري'],
  ['Al Muhairi', 'المهيري'],
  ['Al Kaabi', 'الكعبي'],
  ['Al Dhaheri', 'الظاهري'],
  ['Al Mazrouei', 'المزروعي'],
  ['Al Blooshi', 'البلوشي'],
  ['Al Hammadi', 'الحمادي'],
  ['Al Rumaithi', 'الرميثي'],
  ['Haddad', 'حداد'],
  ['Khoury', 'خوري'],
  ['Nasser', 'ناصر'],
  ['Saleh', 'صالح'],
  ['Abbas', 'عباس'],
  ['Mahmoud', 'محمود'],
];

/** Residents who write in English and whose names are not Arabic. */
export const EXPAT_FIRST_NAMES: readonly string[] = [
  'Priya',
  'Rahul',
  'Anil',
  'Sunita',
  'Arjun',
  'Deepa',
  'Imran',
  'Ayesha',
  'Maria',
  'Jose',
  'Mark',
  'Sarah',
  'James',
  'Emma',
  'Olivia',
  'Daniel',
  'Ravi',
  'Grace',
  'Joy',
  'Kevin',
  'Anna',
  'Ivan',
  'Chen',
  'Mei',
];
export const EXPAT_FAMILY_NAMES: readonly string[] = [
  'Sharma',
  'Patel',
  'Nair',
  'Menon',
  'Khan',
  'Qureshi',
  'Santos',
  'Reyes',
  'Cruz',
  'Smith',
  'Jones',
  'Brown',
  'Taylor',
  'Wilson',
  'Fernandes',
  "D'Souza",
  'Pillai',
  'Iyer',
  'Garcia',
  'Petrov',
  'Wang',
  'Li',
  'Okafor',
  'Mensah',
];

/** Words for the communities of a generated city (56 × 4 ordinals = 224 names). */
export const PLACE_WORDS: readonly Bilingual[] = [
  ['Al Noor', 'النور'],
  ['Al Waha', 'الواحة'],
  ['Al Rimal', 'الرمال'],
  ['Al Nakheel', 'النخيل'],
  ['Al Bahar', 'البحر'],
  ['Al Safa', 'الصفا'],
  ['Al Marwa', 'المروة'],
  ['Al Yasmeen', 'الياسمين'],
  ['Al Zahra', 'الزهراء'],
  ['Al Fanar', 'الفنار'],
  ['Al Khor', 'الخور'],
  ['Al Manara', 'المنارة'],
  ['Al Reef', 'الريف'],
  ['Al Sahel', 'الساحل'],
  ['Al Qasr', 'القصر'],
  ['Al Jazeera', 'الجزيرة'],
  ['Al Murooj', 'المروج'],
  ['Al Hadaiq', 'الحدائق'],
  ['Al Ghaf', 'الغاف'],
  ['Al Sidr', 'السدر'],
  ['Al Lulu', 'اللؤلؤ'],
  ['Al Marjan', 'المرجان'],
  ['Al Shorouq', 'الشروق'],
  ['Al Ghuroob', 'الغروب'],
  ['Al Nujoom', 'النجوم'],
  ['Al Qamar', 'القمر'],
  ['Al Shams', 'الشمس'],
  ['Al Sahraa', 'الصحراء'],
  ['Al Kathib', 'الكثيب'],
  ['Al Wadi', 'الوادي'],
  ['Al Jabal', 'الجبل'],
  ['Al Burooj', 'البروج'],
  ['Al Furjan', 'الفرجان'],
  ['Al Souq', 'السوق'],
  ['Al Meena', 'الميناء'],
  ['Al Dana', 'الدانة'],
  ['Al Tawoon', 'التعاون'],
  ['Al Salam', 'السلام'],
  ['Al Amal', 'الأمل'],
  ['Al Rabie', 'الربيع'],
  ['Al Khaleej', 'الخليج'],
  ['Al Bustan', 'البستان'],
  ['Al Zaafaran', 'الزعفران'],
  ['Al Reem', 'الريم'],
  ['Al Ghazal', 'الغزال'],
  ['Al Saqr', 'الصقر'],
  ['Al Hamra', 'الحمراء'],
  ['Al Khadra', 'الخضراء'],
  ['Al Bayda', 'البيضاء'],
  ['Al Nahda', 'النهضة'],
  ['Al Wasl', 'الوصل'],
  ['Al Mizhar', 'المزهر'],
  ['Al Rawda', 'الروضة'],
  ['Al Sharq', 'الشرق'],
  ['Al Gharb', 'الغرب'],
  ['Al Falah', 'الفلاح'],
];
export const ORDINALS: readonly Bilingual[] = [
  ['First', 'الأولى'],
  ['Second', 'الثانية'],
  ['Third', 'الثالثة'],
  ['Fourth', 'الرابعة'],
];

/** What a request says, per topic, in each language. Topics not listed get the generic line. */
export const DESCRIPTIONS: Readonly<Record<string, { en: readonly string[]; ar: readonly string[] }>> = {
  'waste.overflowing_bin': {
    en: ['The bin is overflowing', 'Garbage container full for two days', 'Bins not emptied, bad smell'],
    ar: ['الحاوية ممتلئة', 'حاوية النفايات ممتلئة منذ يومين', 'لم يتم تفريغ الحاويات والرائحة كريهة'],
  },
  'waste.illegal_dumping': {
    en: ['Construction waste dumped on the roadside', 'Old furniture dumped in the empty plot'],
    ar: ['مخلفات بناء مرمية على جانب الطريق', 'أثاث قديم مرمي في الأرض الفضاء'],
  },
  'waste.bulk_collection': {
    en: ['Please collect an old sofa and a mattress', 'Request to collect garden waste'],
    ar: ['أرجو جمع أريكة قديمة وفرشة', 'طلب جمع مخلفات الحديقة'],
  },
  'public_health.pest_control': {
    en: ['Cockroaches in the building', 'Rats seen near the bins'],
    ar: ['صراصير في المبنى', 'مشاهدة فئران بالقرب من الحاويات'],
  },
  'public_health.stray_animals': {
    en: ['Stray dogs near the school', 'Stray cats in the car park'],
    ar: ['كلاب ضالة قرب المدرسة', 'قطط ضالة في المواقف'],
  },
  'food_safety.violation': {
    en: ['Expired food sold in the grocery', 'Food stored outside the fridge'],
    ar: ['بيع مواد غذائية منتهية الصلاحية في البقالة', 'تخزين الطعام خارج الثلاجة'],
  },
  'food_safety.hygiene': {
    en: ['Unclean kitchen in a restaurant', 'Staff not wearing gloves'],
    ar: ['مطبخ غير نظيف في مطعم', 'العاملون لا يرتدون القفازات'],
  },
  'buildings.violation': {
    en: ['Unauthorised extension on the roof', 'Construction work after permitted hours'],
    ar: ['توسعة غير مرخصة على السطح', 'أعمال بناء بعد الساعات المسموحة'],
  },
  'buildings.permit': {
    en: ['How do I apply for a fit-out permit?', 'Status of my building permit application'],
    ar: ['كيف أقدم طلب تصريح تجهيز؟', 'ما حالة طلب تصريح البناء الخاص بي؟'],
  },
  'drainage.blocked_drain': {
    en: ['Rainwater pooling on the street', 'Blocked drain after the rain'],
    ar: ['تجمع مياه الأمطار في الشارع', 'انسداد التصريف بعد المطر'],
  },
  'drainage.sewage_overflow': {
    en: ['Sewage overflowing from a manhole', 'Bad smell and sewage on the road'],
    ar: ['طفح مياه الصرف من غرفة التفتيش', 'رائحة كريهة ومياه صرف على الطريق'],
  },
  'parks.damaged_facility': {
    en: ['Broken swing in the playground', 'Damaged bench and lights not working'],
    ar: ['أرجوحة مكسورة في منطقة الألعاب', 'مقعد متضرر وإنارة لا تعمل'],
  },
  'parks.irrigation_leak': {
    en: ['Irrigation pipe leaking', 'Sprinklers running all day'],
    ar: ['تسرب من أنبوب الري', 'رشاشات الري تعمل طوال اليوم'],
  },
  'environment.beach_cleanliness': {
    en: ['Litter on the beach', 'Plastic waste along the shore'],
    ar: ['مخلفات على الشاطئ', 'نفايات بلاستيكية على طول الساحل'],
  },
  'environment.noise': {
    en: ['Loud music at night', 'Noise from a generator'],
    ar: ['موسيقى صاخبة ليلاً', 'ضوضاء من مولد كهربائي'],
  },
  'environment.air_quality': {
    en: ['Smoke from burning waste', 'Dust from a construction site'],
    ar: ['دخان من حرق النفايات', 'غبار من موقع بناء'],
  },
  'customer_service.general': {
    en: ['What are the working hours of the service centre?', 'How can I track my request?'],
    ar: ['ما هي ساعات عمل مركز الخدمة؟', 'كيف يمكنني متابعة طلبي؟'],
  },
  'customer_service.fees': {
    en: ['Question about a fine', 'My payment is not showing'],
    ar: ['استفسار عن مخالفة', 'الدفعة لم تظهر'],
  },
};
export const GENERIC_DESCRIPTION = { en: ['Please look into this'], ar: ['يرجى النظر في هذا الموضوع'] } as const;

/** Title Case for upper-case source names ("AL BARSHA FIRST" → "Al Barsha First"). */
export function titleCase(name: string): string {
  if (name !== name.toUpperCase()) {
    return name;
  }
  return name.toLowerCase().replace(/(^|[\s\-(/])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}
