// The catalogue's metrics and dimensions as GET /v1/catalog served them when the plugin was built: the editors' lists
// while the aggregator cannot be reached. Written by `npm run catalog-fallback` (backend/catalog/write-fallback.ts); do not edit.
import type { CatalogDefinitions } from './wire.ts';

export const FALLBACK_DEFINITIONS: CatalogDefinitions = {
  "metrics": [
    {
      "code": "received",
      "name_en": "Requests received",
      "name_ar": "الطلبات المستلمة",
      "description_en": "Requests created in each bucket",
      "description_ar": "الطلبات المنشأة في كل فترة",
      "unit": "short",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "closed",
      "name_en": "Requests closed",
      "name_ar": "الطلبات المنجزة",
      "description_en": "Requests closed in each bucket",
      "description_ar": "الطلبات المغلقة في كل فترة",
      "unit": "short",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "backlog",
      "name_en": "Open backlog",
      "name_ar": "الطلبات المفتوحة",
      "description_en": "Requests open at the end of each bucket",
      "description_ar": "الطلبات المفتوحة في نهاية كل فترة",
      "unit": "short",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "on_time_pct",
      "name_en": "Resolved on time",
      "name_ar": "الحل في الوقت المحدد",
      "description_en": "Share of due or finished requests resolved within the SLA",
      "description_ar": "نسبة الطلبات المستحقة أو المنجزة التي حُلّت ضمن اتفاقية مستوى الخدمة",
      "unit": "percent",
      "decimals": 1,
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "first_response_on_time_pct",
      "name_en": "First response on time",
      "name_ar": "الاستجابة الأولى في الوقت المحدد",
      "description_en": "Share answered within the first-response target",
      "description_ar": "نسبة الطلبات التي تلقّت الاستجابة الأولى ضمن المدة المستهدفة",
      "unit": "percent",
      "decimals": 1,
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "first_response_median",
      "name_en": "Median first response",
      "name_ar": "وسيط زمن الاستجابة الأولى",
      "description_en": "Median time to the first response",
      "description_ar": "الوسيط لزمن الاستجابة الأولى",
      "unit": "s",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "first_response_p90",
      "name_en": "First response (90th percentile)",
      "name_ar": "زمن الاستجابة الأولى (المئين 90)",
      "description_en": "90th percentile of the time to the first response",
      "description_ar": "المئين 90 لزمن الاستجابة الأولى",
      "unit": "s",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "resolution_median",
      "name_en": "Median resolution time",
      "name_ar": "وسيط زمن الحل",
      "description_en": "Median time to resolution",
      "description_ar": "الوسيط لزمن الحل",
      "unit": "s",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "resolution_p90",
      "name_en": "Resolution time (90th percentile)",
      "name_ar": "زمن الحل (المئين 90)",
      "description_en": "90th percentile of the time to resolution",
      "description_ar": "المئين 90 لزمن الحل",
      "unit": "s",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "progress_mean",
      "name_en": "Mean progress",
      "name_ar": "متوسط نسبة الإنجاز",
      "description_en": "Mean progress of open requests",
      "description_ar": "متوسط نسبة إنجاز الطلبات المفتوحة",
      "unit": "percent",
      "decimals": 1,
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "received_per_10k",
      "name_en": "Requests per 10,000 residents",
      "name_ar": "الطلبات لكل 10,000 نسمة",
      "description_en": "Requests per 10,000 residents of the zone",
      "description_ar": "الطلبات لكل 10,000 من سكان المنطقة",
      "unit": "short",
      "decimals": 2,
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "satisfaction_mean",
      "name_en": "Mean satisfaction (1–5)",
      "name_ar": "متوسط الرضا (1–5)",
      "description_en": "Mean satisfaction score",
      "description_ar": "متوسط درجة رضا المتعاملين",
      "unit": "short",
      "decimals": 2,
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "sla_warnings",
      "name_en": "SLA warnings",
      "name_ar": "تحذيرات اتفاقية مستوى الخدمة",
      "description_en": "Requests that reached the SLA warning threshold",
      "description_ar": "الطلبات التي بلغت حدّ التحذير في اتفاقية مستوى الخدمة",
      "unit": "short",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "sla_breaches",
      "name_en": "SLA breaches",
      "name_ar": "تجاوزات اتفاقية مستوى الخدمة",
      "description_en": "Requests that breached their SLA",
      "description_ar": "الطلبات التي تجاوزت اتفاقية مستوى الخدمة",
      "unit": "short",
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "recurring_topics",
      "name_en": "Recurring topics",
      "name_ar": "المواضيع المتكررة",
      "description_en": "Most frequent topics with their change against the previous period",
      "description_ar": "أكثر المواضيع تكراراً مع تغيّرها عن الفترة السابقة",
      "unit": "short",
      "formats": [
        "table"
      ],
      "group_by": [],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": [
        "top_n"
      ]
    },
    {
      "code": "hotspots",
      "name_en": "Recurring hot spots",
      "name_ar": "النقاط الساخنة المتكررة",
      "description_en": "Places where one topic recurs",
      "description_ar": "أماكن يتكرر فيها الموضوع نفسه",
      "unit": "short",
      "formats": [
        "table"
      ],
      "group_by": [],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": [
        "top_n"
      ]
    },
    {
      "code": "open_by_stage",
      "name_en": "Open requests by stage",
      "name_ar": "الطلبات المفتوحة حسب المرحلة",
      "description_en": "Requests open now at each stage of the journey, with their share",
      "description_ar": "الطلبات المفتوحة الآن في كل مرحلة من مراحل الرحلة مع نسبتها",
      "unit": "short",
      "formats": [
        "table"
      ],
      "group_by": [],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    },
    {
      "code": "due_soon",
      "name_en": "About to breach (due within the hour)",
      "name_ar": "على وشك التجاوز (مستحقة خلال ساعة)",
      "description_en": "Open requests with an SLA target due within the hour, soonest first",
      "description_ar": "الطلبات المفتوحة التي يحين موعد هدفها خلال ساعة، الأقرب أولاً",
      "unit": "short",
      "formats": [
        "table"
      ],
      "group_by": [],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": [
        "top_n"
      ]
    },
    {
      "code": "forecast_received",
      "name_en": "Requests expected",
      "name_ar": "الطلبات المتوقعة",
      "description_en": "Daily forecast for the next 1–14 days with its 95 % interval",
      "description_ar": "التوقع اليومي للأيام 1–14 القادمة مع فترة الثقة 95 %",
      "unit": "short",
      "decimals": 0,
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "department",
        "channel",
        "category",
        "topic",
        "zone"
      ],
      "filters": [
        "department",
        "channel",
        "category",
        "topic",
        "zone"
      ],
      "options": []
    },
    {
      "code": "forecast_accuracy",
      "name_en": "Forecast accuracy",
      "name_ar": "دقة التوقعات",
      "description_en": "MASE against seasonal-naive and interval coverage, per level or series",
      "description_ar": "مقياس MASE مقارنةً بالتوقع الموسمي البسيط وتغطية فترات الثقة لكل مستوى أو سلسلة",
      "unit": "short",
      "decimals": 2,
      "formats": [
        "table"
      ],
      "group_by": [
        "department",
        "channel",
        "category",
        "topic",
        "zone"
      ],
      "filters": [
        "department",
        "channel",
        "category",
        "topic",
        "zone"
      ],
      "options": []
    },
    {
      "code": "running_above_forecast",
      "name_en": "Running above forecast",
      "name_ar": "أعلى من المتوقع",
      "description_en": "Zones (and zone × topic) above the forecast's upper bound so far today",
      "description_ar": "المناطق (والمنطقة × الموضوع) التي تجاوزت الحد الأعلى للتوقع حتى الآن اليوم",
      "unit": "short",
      "decimals": 1,
      "formats": [
        "table"
      ],
      "group_by": [
        "zone",
        "topic"
      ],
      "filters": [
        "zone",
        "topic",
        "department"
      ],
      "options": []
    },
    {
      "code": "proactive_actions",
      "name_en": "Proactive actions",
      "name_ar": "الإجراءات الاستباقية",
      "description_en": "What to act on now: running above forecast, forecast to rise, recurring hot spots",
      "description_ar": "ما يجب التصرف فيه الآن: ما تجاوز المتوقع، وما يُتوقع ارتفاعه، والنقاط الساخنة المتكررة",
      "unit": "short",
      "formats": [
        "table"
      ],
      "group_by": [],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": [
        "top_n"
      ]
    },
    {
      "code": "digital_share",
      "name_en": "Digital share",
      "name_ar": "الحصة الرقمية",
      "description_en": "Share of requests through the channels the city file marks digital (such as the website, apps, WhatsApp and the virtual assistant)",
      "description_ar": "نسبة الطلبات الواردة عبر القنوات التي يحددها ملف المدينة رقمية (مثل الموقع والتطبيقات وواتساب والمساعد الافتراضي)",
      "unit": "percent",
      "decimals": 1,
      "formats": [
        "time_series",
        "table"
      ],
      "group_by": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "filters": [
        "zone",
        "channel",
        "category",
        "topic",
        "department",
        "advisor",
        "status_class",
        "priority"
      ],
      "options": []
    }
  ],
  "dimensions": [
    {
      "code": "zone",
      "name_en": "Zone",
      "name_ar": "المنطقة"
    },
    {
      "code": "channel",
      "name_en": "Channel",
      "name_ar": "القناة"
    },
    {
      "code": "category",
      "name_en": "Category",
      "name_ar": "الفئة"
    },
    {
      "code": "topic",
      "name_en": "Topic",
      "name_ar": "الموضوع"
    },
    {
      "code": "department",
      "name_en": "Department",
      "name_ar": "الإدارة"
    },
    {
      "code": "advisor",
      "name_en": "Advisor",
      "name_ar": "موظف الخدمة"
    },
    {
      "code": "status_class",
      "name_en": "Status",
      "name_ar": "الحالة"
    },
    {
      "code": "priority",
      "name_en": "Priority",
      "name_ar": "الأولوية"
    }
  ]
};
